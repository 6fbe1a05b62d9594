ALTER TABLE "quiz_attempts" ADD COLUMN "option_order" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD COLUMN "review_sections" text[];--> statement-breakpoint
ALTER TABLE "section_progress" ADD COLUMN "last_read_at" timestamp with time zone DEFAULT now() NOT NULL;