import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { ltiTickets } from '@/db/schema';

export type NewTicket = { ticketHash: string; bindingHash: string; userId: string; schoolId: string; redirectTo: string };

export async function recordTicket(t: NewTicket, ttlSeconds = 120) {
  const db = await getDb();
  await db.insert(ltiTickets).values({ ...t, expiresAt: new Date(Date.now() + ttlSeconds * 1000) });
}

/** A ticket works once, only before it expires, and only in the browser it was issued to. */
export async function takeTicket(ticketHash: string, bindingHash: string) {
  const db = await getDb();
  const [row] = await db
    .delete(ltiTickets)
    .where(and(eq(ltiTickets.ticketHash, ticketHash), eq(ltiTickets.bindingHash, bindingHash)))
    .returning();
  return row && row.expiresAt > new Date() && row.schoolId ? { userId: row.userId, schoolId: row.schoolId } : null;
}

/** Where a ticket leads, without using it (the sign-in that follows uses it). */
export async function peekTicketTarget(ticketHash: string) {
  const db = await getDb();
  const [row] = await db
    .select({ redirectTo: ltiTickets.redirectTo, expiresAt: ltiTickets.expiresAt })
    .from(ltiTickets)
    .where(eq(ltiTickets.ticketHash, ticketHash));
  return row && row.expiresAt > new Date() ? row.redirectTo : null;
}
