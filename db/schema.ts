import { sql } from 'drizzle-orm';
import type { SchoolRole } from './vocabulary';
import {
  boolean,
  check,
  date,
  doublePrecision,
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

export const regions = pgTable('regions', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    regionId: uuid('region_id').references(() => regions.id),
    address: text('address').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    counsellorName: text('counsellor_name').notNull().default(''),
    counsellorContact: text('counsellor_contact').notNull().default(''),
    /** A small PNG or JPEG as a data URL, printed on handouts and certificates. */
    logo: text('logo'),
    /** Bumped on every profile change: handouts and certificates are cached per version. */
    profileVersion: integer('profile_version').notNull().default(1),
    joinCode: text('join_code').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('schools_region_idx').on(t.regionId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for LMS users whose platform shares no email. */
    email: text('email'),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    /** The language the user chose; null until they choose one (then the browser's language applies). */
    locale: text('locale'),
    /** Platform operators see every school (a ministry or school-network view). */
    isOperator: boolean('is_operator').notNull().default(false),
    /** False only for an account made with a school join code until its confirmation link is used; invites prove the address. */
    emailConfirmed: boolean('email_confirmed').notNull().default(true),
    /** Optional mail (reminders, news) on or off; required mail (password reset, confirmations) always goes. */
    notifyOptional: boolean('notify_optional').notNull().default(true),
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
    /** The last time the teacher marked it read: a failed quiz asks them to reread some sections. */
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull().defaultNow(),
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
    // Deleting an attempt (a user's cascade) must not scan every completion.
    index('completions_attempt_idx').on(t.attemptId),
  ],
);

export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** The name an admin gave in a bulk import; the teacher may change it when accepting. */
    name: text('name'),
    role: text('role', { enum: ['teacher', 'school_admin'] }).notNull(),
    tiers: text('tiers').array().notNull().default(sql`'{}'::text[]`),
    /** sha256 of the one-time token; the token itself is only ever in the link. */
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invites_school_idx').on(t.schoolId, t.createdAt)],
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
    uniqueIndex('assignments_tier_uq').on(t.schoolId, t.moduleId, t.tier).where(sql`${t.userId} is null`),
    uniqueIndex('assignments_user_uq').on(t.schoolId, t.moduleId, t.userId).where(sql`${t.userId} is not null`),
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

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').references(() => schools.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_school_idx').on(t.schoolId, t.createdAt)],
);

/** An LMS (platform) registered with this tool; bound to a school by its admin or an operator. */
export const ltiRegistrations = pgTable(
  'lti_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').references(() => schools.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    authUrl: text('auth_url').notNull(),
    tokenUrl: text('token_url').notNull(),
    jwksUrl: text('jwks_url').notNull(),
    /** LTI role URI → our role; null uses the default mapping. */
    roleMapping: jsonb('role_mapping').$type<Record<string, SchoolRole>>(),
    /** Set when a school admin (or operator) activated it: only then may it launch or frame the app. */
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('lti_registrations_issuer_client_uq').on(t.issuer, t.clientId)],
);

/**
 * Who a platform user is, per registration: (registration, sub) names one user of the
 * registration's school. Never matched across registrations, so one school's LMS (or a forged
 * registration claiming another school's issuer) cannot reach another school's accounts.
 */
export const ltiIdentities = pgTable(
  'lti_identities',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => ltiRegistrations.id, { onDelete: 'cascade' }),
    sub: text('sub').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.sub] }), index('lti_identities_user_idx').on(t.userId)],
);

/** Single-use, short-lived dynamic-registration links a school admin hands to the LMS admin. */
export const ltiBindLinks = pgTable('lti_bind_links', {
  tokenHash: text('token_hash').primaryKey(),
  schoolId: uuid('school_id')
    .notNull()
    .references(() => schools.id, { onDelete: 'cascade' }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Server-side sessions: the session cookie names a row here, so signing out, deactivation or a
 * password change ends a session at once. Each session works in one explicit school.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id').references(() => schools.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId), index('user_sessions_expires_idx').on(t.expiresAt)],
);

export const ltiDeployments = pgTable(
  'lti_deployments',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => ltiRegistrations.id, { onDelete: 'cascade' }),
    deploymentId: text('deployment_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.deploymentId] })],
);

/** The tool's own RS256 keys; a retired key stays published until its tokens can no longer be in use. */
export const ltiToolKeys = pgTable('lti_tool_keys', {
  kid: text('kid').primaryKey(),
  privateJwk: jsonb('private_jwk').$type<Record<string, unknown>>().notNull(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

export const ltiLoginState = pgTable('lti_login_state', {
  state: text('state').primaryKey(),
  nonce: text('nonce').notNull(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  targetLinkUri: text('target_link_uri').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const ltiNonceUsed = pgTable('lti_nonce_used', {
  nonce: text('nonce').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** One-time tickets that turn a verified launch into a session (the launch POST cannot set a usable cookie in an iframe). */
export const ltiTickets = pgTable('lti_tickets', {
  ticketHash: text('ticket_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** The school of the registration that launched: the session works in that school. */
  schoolId: uuid('school_id').references(() => schools.id, { onDelete: 'cascade' }),
  /** Hash of the launching browser's binding cookie: a ticket works only in that browser. */
  bindingHash: text('binding_hash'),
  redirectTo: text('redirect_to').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** Where a teacher's score for a module goes: a line item of the course they launched from. */
export const ltiGradeTargets = pgTable(
  'lti_grade_targets',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id')
      .notNull()
      .references(() => modules.id),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => ltiRegistrations.id, { onDelete: 'cascade' }),
    lineitemUrl: text('lineitem_url').notNull(),
    ltiSub: text('lti_sub').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId, t.lineitemUrl] })],
);

/** Durable grade passback: written with the completion, sent and retried by the outbox worker. */
export const gradeOutbox = pgTable(
  'grade_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => quizAttempts.id),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => ltiRegistrations.id, { onDelete: 'cascade' }),
    lineitemUrl: text('lineitem_url').notNull(),
    ltiSub: text('lti_sub').notNull(),
    scoreGiven: integer('score_given').notNull(),
    scoreMaximum: integer('score_maximum').notNull().default(100),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    tries: integer('tries').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('grade_outbox_attempt_target_uq').on(t.attemptId, t.lineitemUrl),
    index('grade_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);

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

/** Failed sign-ins per key (email, client address) in a fixed window, shared by every server process. */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  failures: integer('failures').notNull(),
  /** Progressive delay: the next try for this key is checked no earlier than this. */
  nextAllowedAt: timestamp('next_allowed_at', { withTimezone: true }).notNull().defaultNow(),
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
    status: text('status', { enum: ['pending', 'sent', 'failed', 'shared'] }).notNull().default('pending'),
    tries: integer('tries').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sharedBy: uuid('shared_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('mail_outbox_school_idx').on(t.schoolId, t.createdAt),
    index('mail_outbox_recipient_idx').on(sql`lower(${t.recipient})`, t.kind, t.createdAt),
    check('mail_outbox_status_check', sql`${t.status} in ('pending', 'sent', 'failed', 'shared')`),
    check('mail_outbox_locale_check', sql`${t.locale} in ('kk', 'ru', 'en')`),
  ],
);

/** One-time links for a password reset or a join confirmation; only the token's sha256 is stored. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['reset', 'confirm'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('account_tokens_user_idx').on(t.userId, t.purpose, t.createdAt),
    check('account_tokens_purpose_check', sql`${t.purpose} in ('reset', 'confirm')`),
  ],
);

export type School = typeof schools.$inferSelect;
export type Region = typeof regions.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type Certificate = typeof certificates.$inferSelect;
export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type ModuleRow = typeof modules.$inferSelect;
export type QuizAttempt = typeof quizAttempts.$inferSelect;

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
  (t) => [index('jobs_due_idx').on(t.runAt).where(sql`${t.doneAt} is null`)],
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
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt), index('notifications_unsent_idx').on(t.dueAt).where(sql`${t.sentAt} is null`)],
);

/** A school's reminder rules; a school without a row uses the defaults (on; 7 and 1 days; overdue; digest). */
export const reminderSettings = pgTable(
  'reminder_settings',
  {
    schoolId: uuid('school_id')
      .primaryKey()
      .references(() => schools.id, { onDelete: 'cascade' }),
    enabled: boolean('enabled').notNull().default(true),
    daysBefore: integer('days_before').array().notNull().default(sql`'{7,1}'::integer[]`),
    onOverdue: boolean('on_overdue').notNull().default(true),
    weeklyDigest: boolean('weekly_digest').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
);

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
  (t) => [
    uniqueIndex('refreshers_user_module_stage_uq').on(t.userId, t.moduleId, t.stage),
    index('refreshers_school_idx').on(t.schoolId, t.moduleId),
  ],
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

export type Job = typeof jobs.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type Refresher = typeof refreshers.$inferSelect;
export type TierCertificate = typeof tierCertificates.$inferSelect;
