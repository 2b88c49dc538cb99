CREATE TABLE `polls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`project_id` integer,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`verification` text NOT NULL,
	`results` text DEFAULT 'a_la_cloture' NOT NULL,
	`questions` text NOT NULL,
	`withdrawn_at` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `polls_opens_on` ON `polls` (`opens_on`);