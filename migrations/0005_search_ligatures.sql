-- Search: « coeur » finds « Cœur de village », « oeuvre » finds « œuvre », « Laetitia » finds « Lætitia ».
-- The unicode61 tokenizer removes accents but keeps the ligatures œ and æ as letters of their own, while what the
-- user types is folded to "oe" and "ae" (src/shared/text.ts): the indexes now hold the text with the ligatures
-- spelled out, through SQLite's own replace() so that any connection (the app, a migration, the sqlite3 shell)
-- can write to these tables. The indexes are derived data: their content is dropped and rebuilt here; the tables
-- they index are untouched. Ligatures become two letters inside the same word, so the token positions do not move
-- and snippet() still shows the text as written (read from the table itself).
-- Since the indexes hold folded text, FTS5's 'rebuild' (which would index the raw text) must not be used on them:
-- rebuild them as below ('delete-all', then insert the folded rows); 'integrity-check' likewise reports the rows
-- that hold a ligature.
--> statement-breakpoint
DROP TRIGGER `projects_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `projects_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `projects_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_insert` AFTER INSERT ON `projects` BEGIN
  INSERT INTO `projects_fts` (rowid, `title`, `description`) VALUES (new.`id`, replace(replace(replace(replace(new.`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`description`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_delete` AFTER DELETE ON `projects` BEGIN
  INSERT INTO `projects_fts` (`projects_fts`, rowid, `title`, `description`) VALUES ('delete', old.`id`, replace(replace(replace(replace(old.`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`description`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_update` AFTER UPDATE OF `title`, `description` ON `projects` BEGIN
  INSERT INTO `projects_fts` (`projects_fts`, rowid, `title`, `description`) VALUES ('delete', old.`id`, replace(replace(replace(replace(old.`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`description`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
  INSERT INTO `projects_fts` (rowid, `title`, `description`) VALUES (new.`id`, replace(replace(replace(replace(new.`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`description`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
INSERT INTO `projects_fts` (`projects_fts`) VALUES ('delete-all');
--> statement-breakpoint
INSERT INTO `projects_fts` (rowid, `title`, `description`) SELECT `id`, replace(replace(replace(replace(`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(`description`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') FROM `projects`;
--> statement-breakpoint
DROP TRIGGER `tasks_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `tasks_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `tasks_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `tasks_fts_insert` AFTER INSERT ON `tasks` BEGIN
  INSERT INTO `tasks_fts` (rowid, `title`, `description`) VALUES (new.`id`, replace(replace(replace(replace(new.`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`description`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
CREATE TRIGGER `tasks_fts_delete` AFTER DELETE ON `tasks` BEGIN
  INSERT INTO `tasks_fts` (`tasks_fts`, rowid, `title`, `description`) VALUES ('delete', old.`id`, replace(replace(replace(replace(old.`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`description`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
CREATE TRIGGER `tasks_fts_update` AFTER UPDATE OF `title`, `description` ON `tasks` BEGIN
  INSERT INTO `tasks_fts` (`tasks_fts`, rowid, `title`, `description`) VALUES ('delete', old.`id`, replace(replace(replace(replace(old.`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`description`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
  INSERT INTO `tasks_fts` (rowid, `title`, `description`) VALUES (new.`id`, replace(replace(replace(replace(new.`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`description`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
INSERT INTO `tasks_fts` (`tasks_fts`) VALUES ('delete-all');
--> statement-breakpoint
INSERT INTO `tasks_fts` (rowid, `title`, `description`) SELECT `id`, replace(replace(replace(replace(`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(`description`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') FROM `tasks`;
--> statement-breakpoint
DROP TRIGGER `comments_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `comments_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `comments_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `comments_fts_insert` AFTER INSERT ON `comments` BEGIN
  INSERT INTO `comments_fts` (rowid, `body`) VALUES (new.`id`, replace(replace(replace(replace(new.`body`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
CREATE TRIGGER `comments_fts_delete` AFTER DELETE ON `comments` BEGIN
  INSERT INTO `comments_fts` (`comments_fts`, rowid, `body`) VALUES ('delete', old.`id`, replace(replace(replace(replace(old.`body`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
CREATE TRIGGER `comments_fts_update` AFTER UPDATE OF `body` ON `comments` BEGIN
  INSERT INTO `comments_fts` (`comments_fts`, rowid, `body`) VALUES ('delete', old.`id`, replace(replace(replace(replace(old.`body`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
  INSERT INTO `comments_fts` (rowid, `body`) VALUES (new.`id`, replace(replace(replace(replace(new.`body`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
INSERT INTO `comments_fts` (`comments_fts`) VALUES ('delete-all');
--> statement-breakpoint
INSERT INTO `comments_fts` (rowid, `body`) SELECT `id`, replace(replace(replace(replace(`body`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') FROM `comments`;
--> statement-breakpoint
DROP TRIGGER `members_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `members_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `members_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `members_fts_insert` AFTER INSERT ON `members` BEGIN
  INSERT INTO `members_fts` (rowid, `first_name`, `last_name`, `delegation`, `interests`) VALUES (new.`id`, replace(replace(replace(replace(new.`first_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`last_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`delegation`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`interests`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
CREATE TRIGGER `members_fts_delete` AFTER DELETE ON `members` BEGIN
  INSERT INTO `members_fts` (`members_fts`, rowid, `first_name`, `last_name`, `delegation`, `interests`) VALUES ('delete', old.`id`, replace(replace(replace(replace(old.`first_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`last_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`delegation`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`interests`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
CREATE TRIGGER `members_fts_update` AFTER UPDATE OF `first_name`, `last_name`, `delegation`, `interests` ON `members` BEGIN
  INSERT INTO `members_fts` (`members_fts`, rowid, `first_name`, `last_name`, `delegation`, `interests`) VALUES ('delete', old.`id`, replace(replace(replace(replace(old.`first_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`last_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`delegation`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`interests`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
  INSERT INTO `members_fts` (rowid, `first_name`, `last_name`, `delegation`, `interests`) VALUES (new.`id`, replace(replace(replace(replace(new.`first_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`last_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`delegation`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`interests`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
INSERT INTO `members_fts` (`members_fts`) VALUES ('delete-all');
--> statement-breakpoint
INSERT INTO `members_fts` (rowid, `first_name`, `last_name`, `delegation`, `interests`) SELECT `id`, replace(replace(replace(replace(`first_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(`last_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(`delegation`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(`interests`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') FROM `members`;
