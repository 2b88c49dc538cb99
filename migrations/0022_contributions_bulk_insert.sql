CREATE TABLE `contributions_bulk_insert` (
	`active` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contributions_project` ON `contributions` (`project_id`);--> statement-breakpoint
CREATE INDEX `contributions_duplicate_of` ON `contributions` (`duplicate_of_id`);
--> statement-breakpoint
-- A pulled page is indexed and counted in one statement each (core/portal/pull.ts storePage) rather than row by row:
-- while its transaction holds a row in contributions_bulk_insert, these two insert triggers stand aside. Changes and
-- removals keep their triggers as they were (0017, 0021); so does every other insert.
DROP TRIGGER `contributions_fts_insert`;
--> statement-breakpoint
CREATE TRIGGER `contributions_fts_insert` AFTER INSERT ON `contributions` WHEN NOT EXISTS (SELECT 1 FROM `contributions_bulk_insert`) BEGIN
  INSERT INTO `contributions_fts` (rowid, `title`, `body`, `address`, `author_display_name`) VALUES (new.`id`, replace(replace(replace(replace(new.`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`body`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`address`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`author_display_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
DROP TRIGGER `contribution_counts_insert`;
--> statement-breakpoint
CREATE TRIGGER `contribution_counts_insert` AFTER INSERT ON `contributions` WHEN NOT EXISTS (SELECT 1 FROM `contributions_bulk_insert`) BEGIN
  INSERT INTO `contribution_counts` (`status`, `moderation`, `n`) VALUES (new.`status`, new.`moderation`, 1)
    ON CONFLICT (`status`, `moderation`) DO UPDATE SET `n` = `n` + 1;
END;
