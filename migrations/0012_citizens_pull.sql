CREATE TABLE `contribution_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contribution_id` integer NOT NULL,
	`relay_photo_id` integer NOT NULL,
	`position` integer NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text,
	`mime_type` text,
	`problem` text,
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contribution_photos_relay` ON `contribution_photos` (`contribution_id`,`relay_photo_id`);--> statement-breakpoint
CREATE TABLE `contributions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`relay_url` text NOT NULL,
	`relay_id` integer NOT NULL,
	`relay_seq` integer NOT NULL,
	`kind` text NOT NULL,
	`author_pseudonymous_id` text,
	`author_display_name` text,
	`title` text,
	`body` text NOT NULL,
	`topic` text,
	`project_external_id` text,
	`address` text,
	`latitude` real,
	`longitude` real,
	`status` text NOT NULL,
	`public_answer` text,
	`moderation` text NOT NULL,
	`reports_spam` integer DEFAULT 0 NOT NULL,
	`reports_offensive` integer DEFAULT 0 NOT NULL,
	`reports_off_topic` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`received_at` text NOT NULL,
	`pending_update` text,
	`pending_error` text,
	`pending_attempts` integer DEFAULT 0 NOT NULL,
	`pending_next_attempt_at` text,
	`project_id` integer,
	`theme_id` text,
	`duplicate_of_id` integer,
	`seen_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`duplicate_of_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contributions_relay_id` ON `contributions` (`relay_url`,`relay_id`);--> statement-breakpoint
CREATE INDEX `contributions_received` ON `contributions` (`received_at`);--> statement-breakpoint
CREATE INDEX `contributions_status` ON `contributions` (`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `contributions_pending` ON `contributions` (`pending_next_attempt_at`);--> statement-breakpoint
CREATE TABLE `poll_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`relay_url` text NOT NULL,
	`relay_id` integer NOT NULL,
	`relay_seq` integer NOT NULL,
	`poll_external_id` text NOT NULL,
	`author_pseudonymous_id` text,
	`answers` text NOT NULL,
	`answered_at` text NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `poll_answers_relay_id` ON `poll_answers` (`relay_url`,`relay_id`);--> statement-breakpoint
CREATE INDEX `poll_answers_poll` ON `poll_answers` (`poll_external_id`);--> statement-breakpoint
CREATE TABLE `portal_pull` (
	`relay_url` text PRIMARY KEY NOT NULL,
	`cursor` integer DEFAULT 0 NOT NULL,
	`last_sync_at` text,
	`last_sync_new` integer DEFAULT 0 NOT NULL,
	`new_since_sync` integer DEFAULT 0 NOT NULL,
	`last_attempt_at` text,
	`last_error` text
);
