ALTER TABLE "inputs" ALTER COLUMN "seq" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "poll_answers" ALTER COLUMN "seq" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "inputs_pending_seq" ON "inputs" USING btree ("commune_code") WHERE "inputs"."seq" IS NULL;--> statement-breakpoint
CREATE INDEX "poll_answers_pending_seq" ON "poll_answers" USING btree ("commune_code") WHERE "poll_answers"."seq" IS NULL;