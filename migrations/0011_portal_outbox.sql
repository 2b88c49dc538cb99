CREATE TABLE `portal_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`action` text NOT NULL,
	`external_id` text NOT NULL,
	`subject_key` text NOT NULL,
	`label` text NOT NULL,
	`payload` text,
	`state` text NOT NULL,
	`last_error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portal_outbox_subject` ON `portal_outbox` (`subject_key`);--> statement-breakpoint
CREATE INDEX `portal_outbox_due` ON `portal_outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `portal_publications` (
	`project_id` integer PRIMARY KEY NOT NULL,
	`external_id` text NOT NULL,
	`fields` text NOT NULL,
	`last_payload` text NOT NULL,
	`published_at` text NOT NULL,
	`published_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
