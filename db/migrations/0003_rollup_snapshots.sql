CREATE TABLE "rollup_snapshots" (
	"school_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"teachers" integer NOT NULL,
	"expected" integer NOT NULL,
	"completed" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rollup_snapshots_school_id_tier_pk" PRIMARY KEY("school_id","tier")
);
--> statement-breakpoint
ALTER TABLE "rollup_snapshots" ADD CONSTRAINT "rollup_snapshots_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;