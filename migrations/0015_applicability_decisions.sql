CREATE TABLE `applicability_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`criterion_id` text NOT NULL,
	`applies` integer NOT NULL,
	`reason` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applicability_decisions_criterion` ON `applicability_decisions` (`criterion_id`);