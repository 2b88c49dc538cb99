ALTER TABLE `notes` ADD `author` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE TABLE `tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`label` text NOT NULL
);
--> statement-breakpoint
UPDATE `notes` SET `title` = upper(`title`), `author` = 'migration';--> statement-breakpoint
DELETE FROM `notes` WHERE `id` = 1;--> statement-breakpoint
DROP INDEX `notes_title`;--> statement-breakpoint
INSERT INTO `tags` (`label`) VALUES ('ajouté par la migration');--> statement-breakpoint
CETTE INSTRUCTION N'EST PAS DU SQL;
