-- Full-text search (Ctrl+K): one external-content FTS5 index per searched table, reading its text from the table
-- itself (no copy), accent- and case-insensitive ('unicode61 remove_diacritics 2'), with prefix indexes for the
-- short prefixes typed while searching. Triggers keep every index in step with every writer; the existing rows
-- are indexed at the end of this migration.
--> statement-breakpoint
CREATE VIRTUAL TABLE `projects_fts` USING fts5(`title`, `description`, content='projects', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `projects_fts_insert` AFTER INSERT ON `projects` BEGIN
  INSERT INTO `projects_fts` (rowid, `title`, `description`) VALUES (new.`id`, new.`title`, new.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_delete` AFTER DELETE ON `projects` BEGIN
  INSERT INTO `projects_fts` (`projects_fts`, rowid, `title`, `description`) VALUES ('delete', old.`id`, old.`title`, old.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_update` AFTER UPDATE OF `title`, `description` ON `projects` BEGIN
  INSERT INTO `projects_fts` (`projects_fts`, rowid, `title`, `description`) VALUES ('delete', old.`id`, old.`title`, old.`description`);
  INSERT INTO `projects_fts` (rowid, `title`, `description`) VALUES (new.`id`, new.`title`, new.`description`);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `tasks_fts` USING fts5(`title`, `description`, content='tasks', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `tasks_fts_insert` AFTER INSERT ON `tasks` BEGIN
  INSERT INTO `tasks_fts` (rowid, `title`, `description`) VALUES (new.`id`, new.`title`, new.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `tasks_fts_delete` AFTER DELETE ON `tasks` BEGIN
  INSERT INTO `tasks_fts` (`tasks_fts`, rowid, `title`, `description`) VALUES ('delete', old.`id`, old.`title`, old.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `tasks_fts_update` AFTER UPDATE OF `title`, `description` ON `tasks` BEGIN
  INSERT INTO `tasks_fts` (`tasks_fts`, rowid, `title`, `description`) VALUES ('delete', old.`id`, old.`title`, old.`description`);
  INSERT INTO `tasks_fts` (rowid, `title`, `description`) VALUES (new.`id`, new.`title`, new.`description`);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `comments_fts` USING fts5(`body`, content='comments', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `comments_fts_insert` AFTER INSERT ON `comments` BEGIN
  INSERT INTO `comments_fts` (rowid, `body`) VALUES (new.`id`, new.`body`);
END;
--> statement-breakpoint
CREATE TRIGGER `comments_fts_delete` AFTER DELETE ON `comments` BEGIN
  INSERT INTO `comments_fts` (`comments_fts`, rowid, `body`) VALUES ('delete', old.`id`, old.`body`);
END;
--> statement-breakpoint
CREATE TRIGGER `comments_fts_update` AFTER UPDATE OF `body` ON `comments` BEGIN
  INSERT INTO `comments_fts` (`comments_fts`, rowid, `body`) VALUES ('delete', old.`id`, old.`body`);
  INSERT INTO `comments_fts` (rowid, `body`) VALUES (new.`id`, new.`body`);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `members_fts` USING fts5(`first_name`, `last_name`, `delegation`, `interests`, content='members', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `members_fts_insert` AFTER INSERT ON `members` BEGIN
  INSERT INTO `members_fts` (rowid, `first_name`, `last_name`, `delegation`, `interests`) VALUES (new.`id`, new.`first_name`, new.`last_name`, new.`delegation`, new.`interests`);
END;
--> statement-breakpoint
CREATE TRIGGER `members_fts_delete` AFTER DELETE ON `members` BEGIN
  INSERT INTO `members_fts` (`members_fts`, rowid, `first_name`, `last_name`, `delegation`, `interests`) VALUES ('delete', old.`id`, old.`first_name`, old.`last_name`, old.`delegation`, old.`interests`);
END;
--> statement-breakpoint
CREATE TRIGGER `members_fts_update` AFTER UPDATE OF `first_name`, `last_name`, `delegation`, `interests` ON `members` BEGIN
  INSERT INTO `members_fts` (`members_fts`, rowid, `first_name`, `last_name`, `delegation`, `interests`) VALUES ('delete', old.`id`, old.`first_name`, old.`last_name`, old.`delegation`, old.`interests`);
  INSERT INTO `members_fts` (rowid, `first_name`, `last_name`, `delegation`, `interests`) VALUES (new.`id`, new.`first_name`, new.`last_name`, new.`delegation`, new.`interests`);
END;
--> statement-breakpoint
INSERT INTO `projects_fts` (rowid, `title`, `description`) SELECT `id`, `title`, `description` FROM `projects`;
--> statement-breakpoint
INSERT INTO `tasks_fts` (rowid, `title`, `description`) SELECT `id`, `title`, `description` FROM `tasks`;
--> statement-breakpoint
INSERT INTO `comments_fts` (rowid, `body`) SELECT `id`, `body` FROM `comments`;
--> statement-breakpoint
INSERT INTO `members_fts` (rowid, `first_name`, `last_name`, `delegation`, `interests`) SELECT `id`, `first_name`, `last_name`, `delegation`, `interests` FROM `members`;
