CREATE TABLE `contribution_counts` (
	`status` text NOT NULL,
	`moderation` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`status`, `moderation`)
);
--> statement-breakpoint
CREATE INDEX `contributions_facets` ON `contributions` (`status`,`moderation`,`kind`,`topic`,`theme_id`,`created_at`,`seen_at`);--> statement-breakpoint
CREATE INDEX `contributions_unseen` ON `contributions` (`created_at`) WHERE "contributions"."seen_at" IS NULL;--> statement-breakpoint
-- The counts per status and moderation state follow every write to `contributions` in the same transaction (a pull's
-- page, the mairie's changes, a removal), so they are always exactly what a count(*) would say.
CREATE TRIGGER `contribution_counts_insert` AFTER INSERT ON `contributions` BEGIN
  INSERT INTO `contribution_counts` (`status`, `moderation`, `n`) VALUES (new.`status`, new.`moderation`, 1)
    ON CONFLICT (`status`, `moderation`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `contribution_counts_delete` AFTER DELETE ON `contributions` BEGIN
  UPDATE `contribution_counts` SET `n` = `n` - 1 WHERE `status` = old.`status` AND `moderation` = old.`moderation`;
END;
--> statement-breakpoint
CREATE TRIGGER `contribution_counts_update` AFTER UPDATE OF `status`, `moderation` ON `contributions`
  WHEN old.`status` IS NOT new.`status` OR old.`moderation` IS NOT new.`moderation` BEGIN
  UPDATE `contribution_counts` SET `n` = `n` - 1 WHERE `status` = old.`status` AND `moderation` = old.`moderation`;
  INSERT INTO `contribution_counts` (`status`, `moderation`, `n`) VALUES (new.`status`, new.`moderation`, 1)
    ON CONFLICT (`status`, `moderation`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
INSERT INTO `contribution_counts` (`status`, `moderation`, `n`) SELECT `status`, `moderation`, count(*) FROM `contributions` GROUP BY `status`, `moderation`;
