import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export type LocalizedText = { kk: string; ru: string; en: string };

export const schools = pgTable('schools', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    /** The language the user chose; null until they choose one (then the browser's language applies). */
    locale: text('locale'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
    check('users_locale_check', sql`${t.locale} is null or ${t.locale} in ('kk', 'ru', 'en')`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['teacher', 'school_admin'] }).notNull(),
    tiers: text('tiers').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.schoolId] }),
    index('memberships_school_idx').on(t.schoolId, t.role),
    check('memberships_role_check', sql`${t.role} in ('teacher', 'school_admin')`),
  ],
);

/** The catalog as last synced from `modules/`; `version` is the content hash. */
export const modules = pgTable(
  'modules',
  {
    id: text('id').primaryKey(),
    tier: text('tier').notNull(),
    position: integer('position').notNull(),
    version: text('version').notNull(),
    sectionIds: text('section_ids').array().notNull(),
    questionCount: integer('question_count').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    minutes: integer('minutes').notNull(),
    retired: boolean('retired').notNull().default(false),
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('modules_tier_idx').on(t.tier, t.position)],
);

export const sectionProgress = pgTable(
  'section_progress',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    moduleId: text('module_id')
      .notNull()
      .references(() => modules.id),
    sectionId: text('section_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.moduleId, t.sectionId] }),
    index('section_progress_school_idx').on(t.schoolId, t.moduleId),
  ],
);

export type AnswerMap = Record<string, string[]>;

export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    moduleId: text('module_id')
      .notNull()
      .references(() => modules.id),
    moduleVersion: text('module_version').notNull(),
    questionIds: text('question_ids').array().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    answers: jsonb('answers').$type<AnswerMap>(),
    correctCount: integer('correct_count'),
    score: integer('score'),
    passed: boolean('passed'),
  },
  (t) => [
    index('quiz_attempts_user_module_idx').on(t.userId, t.moduleId, t.startedAt),
    // At most one open attempt per teacher and module: a reload or a second tab resumes it.
    uniqueIndex('quiz_attempts_one_open_idx').on(t.userId, t.moduleId).where(sql`${t.submittedAt} is null`),
    index('quiz_attempts_school_idx').on(t.schoolId, t.moduleId),
  ],
);

export const completions = pgTable(
  'completions',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    moduleId: text('module_id')
      .notNull()
      .references(() => modules.id),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => quizAttempts.id),
    score: integer('score').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.moduleId] }),
    index('completions_school_idx').on(t.schoolId, t.moduleId),
  ],
);

/** Failed sign-ins per key (email, client address) in a fixed window, shared by every server process. */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  failures: integer('failures').notNull(),
});

export type School = typeof schools.$inferSelect;
export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type ModuleRow = typeof modules.$inferSelect;
export type QuizAttempt = typeof quizAttempts.$inferSelect;
