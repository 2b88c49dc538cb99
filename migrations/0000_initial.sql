CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`profile_id` integer,
	`profile_name` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`field` text,
	`before` text,
	`after` text,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `commune` (
	`id` integer PRIMARY KEY NOT NULL,
	`insee_code` text NOT NULL,
	`name` text NOT NULL,
	`siren` text NOT NULL,
	`population` integer,
	`departement_code` text NOT NULL,
	`departement_name` text NOT NULL,
	`region_code` text NOT NULL,
	`region_name` text NOT NULL,
	`postal_codes` text NOT NULL,
	`epci_siren` text,
	`epci_name` text,
	`source` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "commune_single_row" CHECK("commune"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `mandates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`start_year` integer NOT NULL,
	`end_year` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`role` text NOT NULL,
	`rank` integer,
	`delegation` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`interests` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`display_name` text NOT NULL,
	`member_id` integer,
	`is_admin` integer DEFAULT false NOT NULL,
	`password_hash` text,
	`last_sign_in_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `profiles_member_id_unique` ON `profiles` (`member_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
