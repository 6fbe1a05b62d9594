/** Background work and snapshots: roll-ups, item statistics, learning gain, mail, jobs, notifications, reminder settings. */
import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { schools, users } from './people';

/**
 * Completion per school and tier ('' = all tiers), recomputed in the background: the national
 * roll-up reads this instead of joining millions of rows on every view.
 */
export const rollupSnapshots = pgTable(
  'rollup_snapshots',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    tier: text('tier').notNull(),
    teachers: integer('teachers').notNull(),
    expected: integer('expected').notNull(),
    completed: integer('completed').notNull(),
    /** Expected modules not completed whose due date (named, else the tier's) has passed in Kazakhstan. */
    overdue: integer('overdue').notNull().default(0),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.tier] })],
);

/**
 * Per quiz item and language ('' = all languages), recomputed in the background from the
 * submitted attempts against the current answer keys: the operator's item view reads this.
 */
export const itemStatsSnapshots = pgTable(
  'item_stats_snapshots',
  {
    moduleId: text('module_id').notNull(),
    locale: text('locale').notNull(),
    questionId: text('question_id').notNull(),
    answered: integer('answered').notNull(),
    correct: integer('correct').notNull(),
    /** Point-biserial (Pearson) of item correctness against the rest of the attempt's score; null when undefined. */
    discrimination: doublePrecision('discrimination'),
    /** How many answers included each option. */
    optionCounts: jsonb('option_counts').$type<Record<string, number>>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.moduleId, t.locale, t.questionId] })],
);

/** National learning gain per module, recomputed in the background with the item statistics (no teacher identities). */
export const learningGainSnapshots = pgTable('learning_gain_snapshots', {
  moduleId: text('module_id').primaryKey(),
  beforeTeachers: integer('before_teachers').notNull(),
  beforeMean: doublePrecision('before_mean'),
  afterTeachers: integer('after_teachers').notNull(),
  afterMean: doublePrecision('after_mean'),
  pairedTeachers: integer('paired_teachers').notNull(),
  pairedChange: doublePrecision('paired_change'),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});

/**
 * Every outgoing e-mail, written in the same transaction as what causes it, so none is lost.
 * With SMTP_URL a sender drains it; without, rows stay pending for the school's Outbox page.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The school whose Outbox shows it; null for mail to a platform operator. */
    schoolId: uuid('school_id').references(() => schools.id, { onDelete: 'cascade' }),
    recipient: text('recipient').notNull(),
    locale: text('locale').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** The one link the message carries, for the Outbox's copy and messenger-share buttons. */
    link: text('link'),
    /** Set for optional mail: sent as List-Unsubscribe. */
    unsubscribeUrl: text('unsubscribe_url'),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'shared'] })
      .notNull()
      .default('pending'),
    tries: integer('tries').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sharedBy: uuid('shared_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mail_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('mail_outbox_school_idx').on(t.schoolId, t.createdAt),
    index('mail_outbox_recipient_idx').on(sql`lower(${t.recipient})`, t.kind, t.createdAt),
    check('mail_outbox_status_check', sql`${t.status} in ('pending', 'sent', 'failed', 'shared')`),
    check('mail_outbox_locale_check', sql`${t.locale} in ('kk', 'ru', 'en')`),
  ],
);

/**
 * Background work shared by every server process: one row per job key. A process claims a due
 * row with `for update skip locked` and leases it; a recurring job (`every_seconds`) is moved to
 * its next tick when it finishes, so each tick runs once however many processes poll.
 */
export const jobs = pgTable(
  'jobs',
  {
    key: text('key').primaryKey(),
    name: text('name').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    everySeconds: integer('every_seconds'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    runs: integer('runs').notNull().default(0),
    lastError: text('last_error'),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('jobs_due_idx')
      .on(t.runAt)
      .where(sql`${t.doneAt} is null`),
  ],
);

/**
 * What the app has to tell someone (a due-date reminder, a weekly digest, a refresher): the
 * dedupe key makes each one exist once, however often or wherever the scheduler runs.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text('dedupe_key').notNull().unique(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unsent_idx')
      .on(t.dueAt)
      .where(sql`${t.sentAt} is null`),
  ],
);

/** A school's reminder rules; a school without a row uses the defaults (on; 7 and 1 days; overdue; digest). */
export const reminderSettings = pgTable('reminder_settings', {
  schoolId: uuid('school_id')
    .primaryKey()
    .references(() => schools.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(true),
  daysBefore: integer('days_before')
    .array()
    .notNull()
    .default(sql`'{7,1}'::integer[]`),
  onOverdue: boolean('on_overdue').notNull().default(true),
  weeklyDigest: boolean('weekly_digest').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Job = typeof jobs.$inferSelect;

export type Notification = typeof notifications.$inferSelect;
