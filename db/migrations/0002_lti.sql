CREATE TABLE "grade_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"attempt_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"lineitem_url" text NOT NULL,
	"lti_sub" text NOT NULL,
	"score_given" integer NOT NULL,
	"score_maximum" integer DEFAULT 100 NOT NULL,
	"scored_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"tries" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lti_deployments" (
	"registration_id" uuid NOT NULL,
	"deployment_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lti_deployments_registration_id_deployment_id_pk" PRIMARY KEY("registration_id","deployment_id")
);
--> statement-breakpoint
CREATE TABLE "lti_grade_targets" (
	"user_id" uuid NOT NULL,
	"module_id" text NOT NULL,
	"registration_id" uuid NOT NULL,
	"lineitem_url" text NOT NULL,
	"lti_sub" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lti_grade_targets_user_id_module_id_lineitem_url_pk" PRIMARY KEY("user_id","module_id","lineitem_url")
);
--> statement-breakpoint
CREATE TABLE "lti_login_state" (
	"state" text PRIMARY KEY NOT NULL,
	"nonce" text NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"target_link_uri" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lti_nonce_used" (
	"nonce" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lti_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"auth_url" text NOT NULL,
	"token_url" text NOT NULL,
	"jwks_url" text NOT NULL,
	"role_mapping" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lti_tickets" (
	"ticket_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"redirect_to" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lti_tool_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "lti_issuer" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "lti_sub" text;--> statement-breakpoint
ALTER TABLE "grade_outbox" ADD CONSTRAINT "grade_outbox_attempt_id_quiz_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."quiz_attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_outbox" ADD CONSTRAINT "grade_outbox_registration_id_lti_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."lti_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lti_deployments" ADD CONSTRAINT "lti_deployments_registration_id_lti_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."lti_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lti_grade_targets" ADD CONSTRAINT "lti_grade_targets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lti_grade_targets" ADD CONSTRAINT "lti_grade_targets_module_id_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lti_grade_targets" ADD CONSTRAINT "lti_grade_targets_registration_id_lti_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."lti_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lti_registrations" ADD CONSTRAINT "lti_registrations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lti_tickets" ADD CONSTRAINT "lti_tickets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grade_outbox_attempt_target_uq" ON "grade_outbox" USING btree ("attempt_id","lineitem_url");--> statement-breakpoint
CREATE INDEX "grade_outbox_due_idx" ON "grade_outbox" USING btree ("next_attempt_at") WHERE "grade_outbox"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "lti_registrations_issuer_client_uq" ON "lti_registrations" USING btree ("issuer","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_lti_idx" ON "users" USING btree ("lti_issuer","lti_sub") WHERE "users"."lti_issuer" is not null;