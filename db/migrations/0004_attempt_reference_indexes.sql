CREATE INDEX "certificates_attempt_idx" ON "certificates" USING btree ("attempt_id");--> statement-breakpoint
CREATE INDEX "completions_attempt_idx" ON "completions" USING btree ("attempt_id");