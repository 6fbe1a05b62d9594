/** Schools, people, their sessions and sign-in state. */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
    tiers: text('tiers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.schoolId] }),
    index('memberships_school_idx').on(t.schoolId, t.role),
    check('memberships_role_check', sql`${t.role} in ('teacher', 'school_admin')`),
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
    tiers: text('tiers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
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

/** Failed sign-ins per key (email, client address) in a fixed window, shared by every server process. */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  failures: integer('failures').notNull(),
  /** Progressive delay: the next try for this key is checked no earlier than this. */
  nextAllowedAt: timestamp('next_allowed_at', { withTimezone: true }).notNull().defaultNow(),
});

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

export type User = typeof users.$inferSelect;

export type Membership = typeof memberships.$inferSelect;
