ALTER TABLE `contributions` ADD `update_sent_at` text;--> statement-breakpoint
CREATE INDEX `contributions_created` ON `contributions` (`created_at`);--> statement-breakpoint
CREATE INDEX `contributions_kind` ON `contributions` (`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `contributions_topic` ON `contributions` (`topic`,`created_at`);--> statement-breakpoint
CREATE INDEX `contributions_moderation` ON `contributions` (`moderation`,`created_at`);--> statement-breakpoint
CREATE INDEX `contributions_theme` ON `contributions` (`theme_id`,`created_at`);
--> statement-breakpoint
-- Search on the Citoyens page, as everywhere in the app (see 0003_search and 0005_search_ligatures): an external-content
-- FTS5 index of what the citizen wrote (title, text, address, display name), accent- and case-insensitive, ligatures
-- spelled out, kept in step by triggers; contributions already pulled are indexed at the end.
CREATE VIRTUAL TABLE `contributions_fts` USING fts5(`title`, `body`, `address`, `author_display_name`, content='contributions', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `contributions_fts_insert` AFTER INSERT ON `contributions` BEGIN
  INSERT INTO `contributions_fts` (rowid, `title`, `body`, `address`, `author_display_name`) VALUES (new.`id`, replace(replace(replace(replace(new.`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`body`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`address`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`author_display_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
CREATE TRIGGER `contributions_fts_delete` AFTER DELETE ON `contributions` BEGIN
  INSERT INTO `contributions_fts` (`contributions_fts`, rowid, `title`, `body`, `address`, `author_display_name`) VALUES ('delete', old.`id`, replace(replace(replace(replace(old.`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`body`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`address`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`author_display_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
CREATE TRIGGER `contributions_fts_update` AFTER UPDATE OF `title`, `body`, `address`, `author_display_name` ON `contributions` BEGIN
  INSERT INTO `contributions_fts` (`contributions_fts`, rowid, `title`, `body`, `address`, `author_display_name`) VALUES ('delete', old.`id`, replace(replace(replace(replace(old.`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`body`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`address`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(old.`author_display_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
  INSERT INTO `contributions_fts` (rowid, `title`, `body`, `address`, `author_display_name`) VALUES (new.`id`, replace(replace(replace(replace(new.`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`body`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`address`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.`author_display_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'));
END;
--> statement-breakpoint
INSERT INTO `contributions_fts` (rowid, `title`, `body`, `address`, `author_display_name`) SELECT `id`, replace(replace(replace(replace(contributions.`title`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(contributions.`body`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(contributions.`address`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(contributions.`author_display_name`, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') FROM `contributions`;
