CREATE TABLE `resident_code_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`relay_url` text NOT NULL,
	`relay_id` integer NOT NULL,
	`label` text NOT NULL,
	`count` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`revoked_at` text,
	`revoked_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `resident_code_batches_relay` ON `resident_code_batches` (`relay_url`,`relay_id`);--> statement-breakpoint
CREATE TABLE `resident_codes` (
	`batch_id` integer NOT NULL,
	`position` integer NOT NULL,
	`code` text NOT NULL,
	PRIMARY KEY(`batch_id`, `position`),
	FOREIGN KEY (`batch_id`) REFERENCES `resident_code_batches`(`id`) ON UPDATE no action ON DELETE no action
);
