CREATE TABLE `answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`criterion_id` text NOT NULL,
	`status` text NOT NULL,
	`split` text,
	`comment` text DEFAULT '' NOT NULL,
	`answered_by` text NOT NULL,
	`answered_at` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `answers_campaign_criterion` ON `answers` (`campaign_id`,`criterion_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`referentiel_version` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`closed_at` text
);
--> statement-breakpoint
CREATE TABLE `citizen_inputs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`theme_id` text NOT NULL,
	`summary` text NOT NULL,
	`received_on` text NOT NULL,
	`source` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `commune_profile` (
	`id` integer PRIMARY KEY NOT NULL,
	`answers` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "commune_profile_single_row" CHECK("commune_profile"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`criterion_id` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`added_at` text NOT NULL,
	`added_by` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `evidence_answer` ON `evidence` (`campaign_id`,`criterion_id`);--> statement-breakpoint
CREATE INDEX `evidence_sha256` ON `evidence` (`sha256`);--> statement-breakpoint
CREATE TABLE `peer_benchmarks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`band` text NOT NULL,
	`domain_id` text NOT NULL,
	`median` real NOT NULL,
	`communes` integer NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `peer_benchmarks_band_domain` ON `peer_benchmarks` (`band`,`domain_id`);--> statement-breakpoint
CREATE TABLE `snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`label` text NOT NULL,
	`taken_at` text NOT NULL,
	`taken_by` text NOT NULL,
	`referentiel_version` text NOT NULL,
	`scores` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `theme_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`theme_id` text NOT NULL,
	`link` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `theme_assignments_member_theme` ON `theme_assignments` (`member_id`,`theme_id`);--> statement-breakpoint
ALTER TABLE `mandates` ADD `installed_on` text;