CREATE TABLE "citizens" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"email" text,
	"pseudonymous_id" text NOT NULL,
	"display_name" text DEFAULT '' NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"digest" text DEFAULT 'hebdomadaire' NOT NULL,
	"alerts" boolean DEFAULT true NOT NULL,
	"resident_verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_digest_at" timestamp with time zone,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "communes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"population" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	"last_seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desktop_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inputs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"kind" text NOT NULL,
	"citizen_id" bigint,
	"title" text,
	"body" text NOT NULL,
	"topic" text,
	"project_external_id" text,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"status" text DEFAULT 'recue' NOT NULL,
	"public_answer" text,
	"moderation" text DEFAULT 'en_attente' NOT NULL,
	"mairie_decided_at" timestamp with time zone,
	"seq" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"leased_until" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "magic_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commune_code" text,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "news" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"external_id" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"topic" text NOT NULL,
	"published_on" text NOT NULL,
	"is_alert" boolean DEFAULT false NOT NULL,
	"alert_until" timestamp with time zone,
	"alert_queued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pairing_codes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "photos" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"input_id" bigint NOT NULL,
	"position" smallint NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"image" "bytea" NOT NULL,
	"thumbnail" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poll_answers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"poll_id" bigint NOT NULL,
	"citizen_id" bigint NOT NULL,
	"answers" jsonb NOT NULL,
	"receipt_hash" text NOT NULL,
	"seq" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"external_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"project_external_id" text,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"verification" text NOT NULL,
	"results" text NOT NULL,
	"questions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"external_id" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"status" text NOT NULL,
	"progress" smallint,
	"start_date" text,
	"end_date" text,
	"theme" text,
	"topic" text,
	"budget_cents" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"input_id" bigint NOT NULL,
	"citizen_id" bigint NOT NULL,
	"commune_code" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_input_id_citizen_id_pk" PRIMARY KEY("input_id","citizen_id")
);
--> statement-breakpoint
CREATE TABLE "resident_batches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"label" text NOT NULL,
	"count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "resident_codes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"batch_id" bigint NOT NULL,
	"code_hash" text NOT NULL,
	"used_by" bigint,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"citizen_id" bigint NOT NULL,
	"commune_code" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shared_scores" (
	"commune_code" text NOT NULL,
	"domain_id" text NOT NULL,
	"band" text NOT NULL,
	"score" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shared_scores_commune_code_domain_id_pk" PRIMARY KEY("commune_code","domain_id")
);
--> statement-breakpoint
ALTER TABLE "citizens" ADD CONSTRAINT "citizens_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desktop_tokens" ADD CONSTRAINT "desktop_tokens_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inputs" ADD CONSTRAINT "inputs_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inputs" ADD CONSTRAINT "inputs_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "magic_links" ADD CONSTRAINT "magic_links_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news" ADD CONSTRAINT "news_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_codes" ADD CONSTRAINT "pairing_codes_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_input_id_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."inputs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_answers" ADD CONSTRAINT "poll_answers_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_answers" ADD CONSTRAINT "poll_answers_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_input_id_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."inputs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_batches" ADD CONSTRAINT "resident_batches_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_codes" ADD CONSTRAINT "resident_codes_batch_id_resident_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."resident_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_codes" ADD CONSTRAINT "resident_codes_used_by_citizens_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_scores" ADD CONSTRAINT "shared_scores_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "citizens_commune_email" ON "citizens" USING btree ("commune_code","email");--> statement-breakpoint
CREATE UNIQUE INDEX "citizens_pseudonymous_id" ON "citizens" USING btree ("pseudonymous_id");--> statement-breakpoint
CREATE INDEX "desktop_tokens_commune" ON "desktop_tokens" USING btree ("commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "inputs_commune_seq" ON "inputs" USING btree ("commune_code","seq");--> statement-breakpoint
CREATE INDEX "inputs_citizen" ON "inputs" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "inputs_public" ON "inputs" USING btree ("commune_code","moderation","created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_pending" ON "mail_outbox" USING btree ("next_attempt_at") WHERE "mail_outbox"."sent_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "news_commune_external" ON "news" USING btree ("commune_code","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pairing_codes_hash" ON "pairing_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "photos_input" ON "photos" USING btree ("input_id");--> statement-breakpoint
CREATE UNIQUE INDEX "poll_answers_one_per_citizen" ON "poll_answers" USING btree ("poll_id","citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "poll_answers_receipt" ON "poll_answers" USING btree ("receipt_hash");--> statement-breakpoint
CREATE INDEX "poll_answers_commune_seq" ON "poll_answers" USING btree ("commune_code","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "polls_commune_external" ON "polls" USING btree ("commune_code","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_commune_external" ON "projects" USING btree ("commune_code","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resident_codes_hash" ON "resident_codes" USING btree ("commune_code","code_hash");--> statement-breakpoint
CREATE INDEX "resident_codes_batch" ON "resident_codes" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "sessions_citizen" ON "sessions" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "shared_scores_band" ON "shared_scores" USING btree ("band","domain_id");