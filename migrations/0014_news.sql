CREATE TABLE `news` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`topic` text NOT NULL,
	`published_on` text NOT NULL,
	`is_alert` integer DEFAULT false NOT NULL,
	`alert_until` text,
	`withdrawn_at` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `news_published_on` ON `news` (`published_on`);