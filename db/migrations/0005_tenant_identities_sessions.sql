CREATE TABLE "lti_bind_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"created_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lti_identities" (
	"registration_id" uuid NOT NULL,
	"sub" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lti_identities_registration_id_sub_pk" PRIMARY KEY("registration_id","sub")
);
--> statement-breakpoint
CREATE TABLE "user_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"school_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "users_lti_idx";--> statement-breakpoint
ALTER TABLE "lti_registrations" ADD COLUMN "activated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lti_tickets" ADD COLUMN "school_id" uuid;--> statement-breakpoint
ALTER TABLE "lti_tickets" ADD COLUMN "binding_hash" text;--> statement-breakpoint
ALTER TABLE "sign_in_throttle" ADD COLUMN "next_allowed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "lti_bind_links" ADD CONSTRAINT "lti_bind_links_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lti_bind_links" ADD CONSTRAINT "lti_bind_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lti_identities" ADD CONSTRAINT "lti_identities_registration_id_lti_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."lti_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lti_identities" ADD CONSTRAINT "lti_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lti_identities_user_idx" ON "lti_identities" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_sessions_user_idx" ON "user_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_sessions_expires_idx" ON "user_sessions" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "lti_tickets" ADD CONSTRAINT "lti_tickets_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Existing LMS users keep their identity, but only under a registration of a school they belong to.
INSERT INTO "lti_identities" ("registration_id", "sub", "user_id")
SELECT DISTINCT ON (r."id", u."lti_sub") r."id", u."lti_sub", u."id"
FROM "users" u
JOIN "lti_registrations" r ON r."issuer" = u."lti_issuer"
JOIN "memberships" m ON m."user_id" = u."id" AND m."school_id" = r."school_id"
WHERE u."lti_issuer" IS NOT NULL AND u."lti_sub" IS NOT NULL
ORDER BY r."id", u."lti_sub", u."created_at";--> statement-breakpoint
-- Registrations already bound to a school were set up by its admin or an operator: keep them working.
UPDATE "lti_registrations" SET "activated_at" = "created_at" WHERE "school_id" IS NOT NULL;--> statement-breakpoint
-- Tickets and throttle rows are short-lived; old tickets carry no school or browser binding.
DELETE FROM "lti_tickets";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "lti_issuer";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "lti_sub";