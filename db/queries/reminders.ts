import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { reminderSettings } from '@/db/schema';
import { recordAudit, type Actor } from './audit';

export type ReminderSettings = { enabled: boolean; daysBefore: number[]; onOverdue: boolean; weeklyDigest: boolean };
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { enabled: true, daysBefore: [7, 1], onOverdue: true, weeklyDigest: true };

// Due dates are calendar days in Kazakhstan, not in the database server's zone.
const TODAY = sql`(now() at time zone 'Asia/Almaty')::date`;

export async function getReminderSettings(schoolId: string): Promise<ReminderSettings> {
  const db = await getDb();
  const [row] = await db
    .select({
      enabled: reminderSettings.enabled,
      daysBefore: reminderSettings.daysBefore,
      onOverdue: reminderSettings.onOverdue,
      weeklyDigest: reminderSettings.weeklyDigest,
    })
    .from(reminderSettings)
    .where(eq(reminderSettings.schoolId, schoolId));
  return row ?? DEFAULT_REMINDER_SETTINGS;
}

export async function saveReminderSettings(actor: Actor & { schoolId: string }, s: ReminderSettings) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(reminderSettings)
      .values({ schoolId: actor.schoolId, ...s })
      .onConflictDoUpdate({ target: reminderSettings.schoolId, set: { ...s, updatedAt: sql`now()` } });
    await recordAudit(tx, actor, 'reminders.updated', s);
  });
}

/**
 * Every unfinished, dated module of an active teacher with the school's rules applied: the named
 * due date wins over the tier's (as on the dashboard).
 */
const OPEN_DUES = sql`
  select e.school_id, e.user_id, e.module_id,
         coalesce(named.due_date, tiered.due_date) as due_date,
         coalesce(named.id, tiered.id) as assignment_id,
         coalesce(rs.enabled, true) as enabled,
         coalesce(rs.days_before, '{7,1}'::integer[]) as days_before,
         coalesce(rs.on_overdue, true) as on_overdue
  from expected_modules e
  left join assignments named on named.school_id = e.school_id and named.user_id = e.user_id and named.module_id = e.module_id
  left join assignments tiered on tiered.school_id = e.school_id and tiered.user_id is null and tiered.module_id = e.module_id and tiered.tier = e.tier
  left join reminder_settings rs on rs.school_id = e.school_id
  where coalesce(named.due_date, tiered.due_date) is not null
    and not exists (select 1 from completions c where c.user_id = e.user_id and c.module_id = e.module_id)`;

/**
 * Creates the reminders that are due today: for N days before, the smallest configured N that
 * is at least the days left (so a server that was down on the day still reminds once); and one
 * on the first day overdue or later. The dedupe key makes a second run, anywhere, add nothing.
 */
export async function createDueReminders() {
  const rows = await queryRows<{ n: number }>(sql`
    with open_dues as (${OPEN_DUES}),
    sized as (
      select o.*, (o.due_date - ${TODAY}) as days_left,
             (select min(d) from unnest(o.days_before) d where d >= (o.due_date - ${TODAY})) as window_days
      from open_dues o where o.enabled
    ),
    picked as (
      select school_id, user_id, module_id, due_date, assignment_id, days_left,
             case when days_left < 0 then 'reminder.overdue' else 'reminder.due' end as kind,
             case when days_left < 0 then 'reminder:overdue:' || assignment_id || ':' || user_id
                  else 'reminder:' || window_days || 'd:' || assignment_id || ':' || due_date || ':' || user_id end as dedupe_key
      from sized
      where (days_left < 0 and on_overdue) or (days_left >= 0 and window_days is not null)
    ),
    added as (
      insert into notifications (user_id, school_id, kind, payload, dedupe_key)
      select user_id, school_id, kind,
             jsonb_build_object('moduleId', module_id, 'dueDate', due_date, 'daysLeft', days_left),
             dedupe_key
      from picked
      on conflict (dedupe_key) do nothing
      returning 1
    )
    select count(*)::int as n from added`);
  return rows[0]?.n ?? 0;
}

/**
 * One digest per school admin per ISO week (Kazakhstan time): who is overdue now and which
 * modules were passed in the last 7 days.
 */
export async function createWeeklyDigests() {
  const rows = await queryRows<{ n: number }>(sql`
    with open_dues as (${OPEN_DUES}),
    overdue as (
      select o.school_id, jsonb_agg(jsonb_build_object('userId', o.user_id, 'name', u.name, 'moduleId', o.module_id, 'dueDate', o.due_date) order by o.due_date, u.name) as items
      from open_dues o join users u on u.id = o.user_id
      where o.due_date < ${TODAY}
      group by o.school_id
    ),
    passed as (
      select c.school_id, jsonb_agg(jsonb_build_object('userId', c.user_id, 'name', u.name, 'moduleId', c.module_id, 'completedAt', c.completed_at) order by c.completed_at) as items
      from completions c join users u on u.id = c.user_id
      where c.completed_at > now() - interval '7 days'
      group by c.school_id
    ),
    week as (select to_char(${TODAY}, 'IYYY-"W"IW') as label),
    added as (
      insert into notifications (user_id, school_id, kind, payload, dedupe_key)
      select m.user_id, m.school_id, 'digest.weekly',
             jsonb_build_object('week', week.label, 'overdue', coalesce(overdue.items, '[]'::jsonb), 'passed', coalesce(passed.items, '[]'::jsonb)),
             'digest:' || week.label || ':' || m.school_id || ':' || m.user_id
      from memberships m
      cross join week
      left join reminder_settings rs on rs.school_id = m.school_id
      left join overdue on overdue.school_id = m.school_id
      left join passed on passed.school_id = m.school_id
      where m.role = 'school_admin' and m.active and coalesce(rs.weekly_digest, true)
      on conflict (dedupe_key) do nothing
      returning 1
    )
    select count(*)::int as n from added`);
  return rows[0]?.n ?? 0;
}
