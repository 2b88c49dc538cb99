-- The Citoyens page's search index, rebuilt (it is derived: nothing typed is in it alone) so that a search's counts
-- and its kind/topic filters are answered by the index (core/citizens/search-index.ts): contentless, its rowid is
-- id * 16 + the status × moderation cell (rowid & 15 counts the cells, rowid >> 4 is the id), a facets column holds
-- the kind and topic as tokens. detail=column: every search word is a token of its own (search/fts.ts), no phrase
-- needs positions, and the index is a third of the size. The insert trigger still stands aside while a pulled page is
-- stored (0022; portal/pull.ts indexes its new rows with the same values); a change of status or moderation moves the
-- row to its new rowid.
DROP TRIGGER `contributions_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `contributions_fts_update`;
--> statement-breakpoint
DROP TRIGGER `contributions_fts_delete`;
--> statement-breakpoint
DROP TABLE `contributions_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `contributions_fts` USING fts5(`title`, `body`, `address`, `author_display_name`, `facets`, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', detail=column, prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `contributions_fts_insert` AFTER INSERT ON `contributions` WHEN NOT EXISTS (SELECT 1 FROM `contributions_bulk_insert`) BEGIN
  INSERT INTO `contributions_fts` (rowid, title, body, address, author_display_name, facets) VALUES (new.id * 16 + min(15, CASE new.status WHEN 'recue' THEN 0 WHEN 'a_l_etude' THEN 3 WHEN 'retenue' THEN 6 WHEN 'realisee' THEN 9 WHEN 'non_retenue' THEN 12 ELSE 15 END + CASE new.moderation WHEN 'en_attente' THEN 0 WHEN 'publiee' THEN 1 WHEN 'masquee' THEN 2 ELSE 15 END), replace(replace(replace(replace(new.title, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.body, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.address, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.author_display_name, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'k' || new.kind || ' t' || replace(coalesce(new.topic, ''), '_', ''));
END;
--> statement-breakpoint
CREATE TRIGGER `contributions_fts_delete` AFTER DELETE ON `contributions` BEGIN
  DELETE FROM `contributions_fts` WHERE rowid = old.id * 16 + min(15, CASE old.status WHEN 'recue' THEN 0 WHEN 'a_l_etude' THEN 3 WHEN 'retenue' THEN 6 WHEN 'realisee' THEN 9 WHEN 'non_retenue' THEN 12 ELSE 15 END + CASE old.moderation WHEN 'en_attente' THEN 0 WHEN 'publiee' THEN 1 WHEN 'masquee' THEN 2 ELSE 15 END);
END;
--> statement-breakpoint
CREATE TRIGGER `contributions_fts_update` AFTER UPDATE OF `title`, `body`, `address`, `author_display_name`, `kind`, `topic`, `status`, `moderation` ON `contributions` BEGIN
  DELETE FROM `contributions_fts` WHERE rowid = old.id * 16 + min(15, CASE old.status WHEN 'recue' THEN 0 WHEN 'a_l_etude' THEN 3 WHEN 'retenue' THEN 6 WHEN 'realisee' THEN 9 WHEN 'non_retenue' THEN 12 ELSE 15 END + CASE old.moderation WHEN 'en_attente' THEN 0 WHEN 'publiee' THEN 1 WHEN 'masquee' THEN 2 ELSE 15 END);
  INSERT INTO `contributions_fts` (rowid, title, body, address, author_display_name, facets) VALUES (new.id * 16 + min(15, CASE new.status WHEN 'recue' THEN 0 WHEN 'a_l_etude' THEN 3 WHEN 'retenue' THEN 6 WHEN 'realisee' THEN 9 WHEN 'non_retenue' THEN 12 ELSE 15 END + CASE new.moderation WHEN 'en_attente' THEN 0 WHEN 'publiee' THEN 1 WHEN 'masquee' THEN 2 ELSE 15 END), replace(replace(replace(replace(new.title, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.body, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.address, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.author_display_name, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'k' || new.kind || ' t' || replace(coalesce(new.topic, ''), '_', ''));
END;
--> statement-breakpoint
INSERT INTO `contributions_fts` (rowid, title, body, address, author_display_name, facets) SELECT contributions.id * 16 + min(15, CASE contributions.status WHEN 'recue' THEN 0 WHEN 'a_l_etude' THEN 3 WHEN 'retenue' THEN 6 WHEN 'realisee' THEN 9 WHEN 'non_retenue' THEN 12 ELSE 15 END + CASE contributions.moderation WHEN 'en_attente' THEN 0 WHEN 'publiee' THEN 1 WHEN 'masquee' THEN 2 ELSE 15 END), replace(replace(replace(replace(contributions.title, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(contributions.body, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(contributions.address, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(contributions.author_display_name, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'k' || contributions.kind || ' t' || replace(coalesce(contributions.topic, ''), '_', '') FROM `contributions`;
