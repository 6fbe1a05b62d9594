'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { markMailShared, retryFailedMail } from '@/db/queries/mail-outbox';
import { formObject } from '@/lib/admin/form-errors';
import { actorOf, requireSchoolAdmin } from '@/app/_lib/session';
import { MailIdSchema } from './schema';

function done(result: 'shared' | 'retried' | 'notFound'): never {
  revalidatePath('/admin/outbox');
  redirect(`/admin/outbox?done=${result}`);
}

/** The admin handed the message over themselves (messenger, in person): it leaves the queue for good. */
export async function markShared(data: FormData) {
  const admin = await requireSchoolAdmin();
  const parsed = MailIdSchema.safeParse(formObject(data));
  done(parsed.success && (await markMailShared(actorOf(admin), parsed.data.mailId)) ? 'shared' : 'notFound');
}

export async function retryMail(data: FormData) {
  const admin = await requireSchoolAdmin();
  const parsed = MailIdSchema.safeParse(formObject(data));
  done(parsed.success && (await retryFailedMail(actorOf(admin), parsed.data.mailId)) ? 'retried' : 'notFound');
}
