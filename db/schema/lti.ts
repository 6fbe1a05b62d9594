/** LMS connections (LTI 1.3): registrations, identities, launches and the grade outbox. */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SchoolRole } from '../vocabulary';
import { schools, users } from './people';
import { modules, quizAttempts } from './learning';

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
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    tries: integer('tries').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('grade_outbox_attempt_target_uq').on(t.attemptId, t.lineitemUrl),
    index('grade_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);
