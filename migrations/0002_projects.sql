CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`task_id` integer,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`added_at` text NOT NULL,
	`added_by` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `attachments_project` ON `attachments` (`project_id`);--> statement-breakpoint
CREATE INDEX `attachments_task` ON `attachments` (`task_id`);--> statement-breakpoint
CREATE INDEX `attachments_sha256` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`task_id` integer,
	`body` text NOT NULL,
	`author_name` text NOT NULL,
	`author_profile_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `comments_project` ON `comments` (`project_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_task` ON `comments` (`task_id`);--> statement-breakpoint
CREATE TABLE `fundings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`funder` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`requested_cents` integer NOT NULL,
	`obtained_cents` integer,
	`status` text NOT NULL,
	`requested_on` text,
	`decided_on` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fundings_project` ON `fundings` (`project_id`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`label` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`target_value` real,
	`lower_is_better` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicators_project` ON `indicators` (`project_id`);--> statement-breakpoint
CREATE TABLE `measurements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`measured_on` text NOT NULL,
	`value` real NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `measurements_indicator` ON `measurements` (`indicator_id`,`measured_on`);--> statement-breakpoint
CREATE TABLE `project_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`start_on` text,
	`due_on` text,
	`status` text NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_actions_project` ON `project_actions` (`project_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `project_criteria` (
	`project_id` integer NOT NULL,
	`criterion_id` text NOT NULL,
	PRIMARY KEY(`project_id`, `criterion_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_criteria_criterion` ON `project_criteria` (`criterion_id`);--> statement-breakpoint
CREATE TABLE `project_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`member_id` integer,
	`name` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `project_participants_project` ON `project_participants` (`project_id`);--> statement-breakpoint
CREATE INDEX `project_participants_member` ON `project_participants` (`member_id`);--> statement-breakpoint
CREATE TABLE `project_themes` (
	`project_id` integer NOT NULL,
	`theme_id` text NOT NULL,
	PRIMARY KEY(`project_id`, `theme_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_themes_theme` ON `project_themes` (`theme_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`domain_id` text,
	`status` text NOT NULL,
	`priority` text NOT NULL,
	`referent_member_id` integer,
	`start_on` text,
	`end_on` text,
	`budget_planned_cents` integer DEFAULT 0 NOT NULL,
	`budget_committed_cents` integer DEFAULT 0 NOT NULL,
	`budget_spent_cents` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`referent_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `projects_status` ON `projects` (`status`);--> statement-breakpoint
CREATE INDEX `projects_updated_at` ON `projects` (`updated_at`);--> statement-breakpoint
CREATE INDEX `projects_referent` ON `projects` (`referent_member_id`);--> statement-breakpoint
CREATE INDEX `projects_domain` ON `projects` (`domain_id`);--> statement-breakpoint
CREATE INDEX `projects_end_on` ON `projects` (`end_on`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`action_id` integer,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`assignee_member_id` integer,
	`due_on` text,
	`status` text NOT NULL,
	`checklist` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`completed_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`action_id`) REFERENCES `project_actions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assignee_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `tasks_assignee` ON `tasks` (`assignee_member_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `tasks_project` ON `tasks` (`project_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `tasks_action` ON `tasks` (`action_id`);--> statement-breakpoint
CREATE INDEX `tasks_status_due` ON `tasks` (`status`,`due_on`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `project_id` integer;--> statement-breakpoint
CREATE INDEX `audit_log_project` ON `audit_log` (`project_id`,`at`);