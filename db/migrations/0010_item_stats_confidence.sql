CREATE TABLE "confidence_answers" (
	"user_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"module_id" text NOT NULL,
	"phase" text NOT NULL,
	"question_id" text NOT NULL,
	"value" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "confidence_answers_user_id_module_id_phase_question_id_pk" PRIMARY KEY("user_id","module_id","phase","question_id"),
	CONSTRAINT "confidence_answers_phase_check" CHECK ("confidence_answers"."phase" in ('before', 'after')),
	CONSTRAINT "confidence_answers_value_check" CHECK ("confidence_answers"."value" is null or "confidence_answers"."value" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "item_stats_snapshots" (
	"module_id" text NOT NULL,
	"locale" text NOT NULL,
	"question_id" text NOT NULL,
	"answered" integer NOT NULL,
	"correct" integer NOT NULL,
	"discrimination" double precision,
	"option_counts" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "item_stats_snapshots_module_id_locale_question_id_pk" PRIMARY KEY("module_id","locale","question_id")
);
--> statement-breakpoint
CREATE TABLE "learning_gain_snapshots" (
	"module_id" text PRIMARY KEY NOT NULL,
	"before_teachers" integer NOT NULL,
	"before_mean" double precision,
	"after_teachers" integer NOT NULL,
	"after_mean" double precision,
	"paired_teachers" integer NOT NULL,
	"paired_change" double precision,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "confidence_answers" ADD CONSTRAINT "confidence_answers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confidence_answers" ADD CONSTRAINT "confidence_answers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confidence_answers" ADD CONSTRAINT "confidence_answers_module_id_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "confidence_answers_school_idx" ON "confidence_answers" USING btree ("school_id","module_id");