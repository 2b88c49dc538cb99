CREATE TABLE `paper_ballots` (
	`poll_id` integer PRIMARY KEY NOT NULL,
	`ballots` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `paper_counts` (
	`poll_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`option_id` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`poll_id`, `question_id`, `option_id`),
	FOREIGN KEY (`poll_id`) REFERENCES `paper_ballots`(`poll_id`) ON UPDATE no action ON DELETE cascade
);
