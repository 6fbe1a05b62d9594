/** The catalog and what teachers do with it: progress, attempts, completions, assignments, certificates, refreshers, confidence. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { schools, users, type LocalizedText } from './people';

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
    /** The last time the teacher marked it read: a failed quiz asks them to reread some sections. */
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId, t.sectionId] }), index('section_progress_school_idx').on(t.schoolId, t.moduleId)],
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
    /** Per question, the order its options are shown in: shuffled per attempt, kept for the replay and the review. */
    optionOrder: jsonb('option_order').$type<Record<string, string[]>>().notNull().default({}),
    /** After a failed attempt: the lesson sections its missed questions test, to reread before a retry. */
    reviewSections: text('review_sections').array(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    answers: jsonb('answers').$type<AnswerMap>(),
    correctCount: integer('correct_count'),
    score: integer('score'),
    passed: boolean('passed'),
    /** The language the quiz was taken in (set at submission): item statistics are per language. */
    locale: text('locale'),
  },
  (t) => [
    index('quiz_attempts_user_module_idx').on(t.userId, t.moduleId, t.startedAt),
    // At most one open attempt per teacher and module: a reload or a second tab resumes it.
    uniqueIndex('quiz_attempts_one_open_idx')
      .on(t.userId, t.moduleId)
      .where(sql`${t.submittedAt} is null`),
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
    // Deleting an attempt (a user's cascade) must not scan every completion.
    index('completions_attempt_idx').on(t.attemptId),
  ],
);

/** A module assigned to every teacher of a tier, or to one named teacher, with a due date. */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    moduleId: text('module_id')
      .notNull()
      .references(() => modules.id),
    tier: text('tier'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assignments_school_idx').on(t.schoolId),
    uniqueIndex('assignments_tier_uq')
      .on(t.schoolId, t.moduleId, t.tier)
      .where(sql`${t.userId} is null`),
    uniqueIndex('assignments_user_uq')
      .on(t.schoolId, t.moduleId, t.userId)
      .where(sql`${t.userId} is not null`),
    check('assignments_target_check', sql`(${t.tier} is null) <> (${t.userId} is null)`),
  ],
);

/** What a certificate shows, frozen when it is issued. */
export const certificates = pgTable(
  'certificates',
  {
    id: text('id').primaryKey(),
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
    teacherName: text('teacher_name').notNull(),
    schoolName: jsonb('school_name').$type<LocalizedText>().notNull(),
    moduleTitle: jsonb('module_title').$type<LocalizedText>().notNull(),
    tier: text('tier').notNull(),
    score: integer('score').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('certificates_user_module_uq').on(t.userId, t.moduleId), index('certificates_attempt_idx').on(t.attemptId)],
);

/** Self-rated confidence (1-5) before a module and after passing it; null: the teacher skipped the question. */
export const confidenceAnswers = pgTable(
  'confidence_answers',
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
    phase: text('phase', { enum: ['before', 'after'] }).notNull(),
    questionId: text('question_id').notNull(),
    value: integer('value'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.moduleId, t.phase, t.questionId] }),
    index('confidence_answers_school_idx').on(t.schoolId, t.moduleId),
    check('confidence_answers_phase_check', sql`${t.phase} in ('before', 'after')`),
    check('confidence_answers_value_check', sql`${t.value} is null or ${t.value} between 1 and 5`),
  ],
);

export type Assignment = typeof assignments.$inferSelect;

export type Certificate = typeof certificates.$inferSelect;

export type ModuleRow = typeof modules.$inferSelect;

export type QuizAttempt = typeof quizAttempts.$inferSelect;

/** A short quiz 60 and 180 days after a pass, drawn from the module's bank, to keep the knowledge fresh. */
export const refreshers = pgTable(
  'refreshers',
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
    /** Days after the pass: 60 or 180. */
    stage: integer('stage').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    questionIds: text('question_ids').array().notNull(),
    optionOrder: jsonb('option_order').$type<Record<string, string[]>>().notNull().default({}),
    answers: jsonb('answers').$type<AnswerMap>(),
    correctCount: integer('correct_count'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('refreshers_user_module_stage_uq').on(t.userId, t.moduleId, t.stage), index('refreshers_school_idx').on(t.schoolId, t.moduleId)],
);

/** Issued when every module of a tier is passed; verifiable at /certificates/{id} like a module certificate. */
export const tierCertificates = pgTable(
  'tier_certificates',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    tier: text('tier').notNull(),
    teacherName: text('teacher_name').notNull(),
    schoolName: jsonb('school_name').$type<LocalizedText>().notNull(),
    moduleTitles: jsonb('module_titles').$type<LocalizedText[]>().notNull(),
    /** Sum of the tier's modules' `minutes` at issue. */
    minutes: integer('minutes').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tier_certificates_user_tier_uq').on(t.userId, t.tier)],
);

export type Refresher = typeof refreshers.$inferSelect;

export type TierCertificate = typeof tierCertificates.$inferSelect;
