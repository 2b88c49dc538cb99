CREATE TABLE `training_budgets` (
	`year` integer PRIMARY KEY NOT NULL,
	`voted_cents` integer,
	`opening_carry_cents` integer,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `training_providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`approved` integer DEFAULT false NOT NULL,
	`approval_number` text DEFAULT '' NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `training_rights` (
	`member_id` integer PRIMARY KEY NOT NULL,
	`is_employee` integer DEFAULT false NOT NULL,
	`dif_balance_cents` integer,
	`dif_balance_on` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `trainings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`title` text NOT NULL,
	`provider_id` integer,
	`start_on` text,
	`end_on` text,
	`duration_hours` real,
	`mode` text NOT NULL,
	`domain_id` text,
	`cost_cents` integer DEFAULT 0 NOT NULL,
	`funding` text NOT NULL,
	`travel_cents` integer DEFAULT 0 NOT NULL,
	`lost_income_cents` integer DEFAULT 0 NOT NULL,
	`leave_days` real DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`source_theme_id` text,
	`source_criterion_id` text,
	`attestation_file_name` text,
	`attestation_mime_type` text,
	`attestation_size` integer,
	`attestation_sha256` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`provider_id`) REFERENCES `training_providers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `trainings_member` ON `trainings` (`member_id`);--> statement-breakpoint
CREATE INDEX `trainings_start` ON `trainings` (`start_on`);--> statement-breakpoint
CREATE INDEX `trainings_attestation` ON `trainings` (`attestation_sha256`);