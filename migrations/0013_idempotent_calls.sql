CREATE TABLE `idempotent_calls` (
	`key` text PRIMARY KEY NOT NULL,
	`method` text NOT NULL,
	`response` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `idempotent_calls_created_at` ON `idempotent_calls` (`created_at`);