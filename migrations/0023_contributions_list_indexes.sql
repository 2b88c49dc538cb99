-- The Citoyens page's counts read the narrowest index for their filters (core/citizens/queries.ts countCells):
-- a kind and a topic, or a period, no longer scan every row of contributions_facets. received_at sorted nothing any
-- more (the list is in created_at order): its two indexes go; contributions_status walks a status newest first.
DROP INDEX `contributions_received`;--> statement-breakpoint
DROP INDEX `contributions_status`;--> statement-breakpoint
DROP INDEX `contributions_created`;--> statement-breakpoint
CREATE INDEX `contributions_kind_topic` ON `contributions` (`kind`,`topic`,`status`,`moderation`);--> statement-breakpoint
CREATE INDEX `contributions_status` ON `contributions` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `contributions_created` ON `contributions` (`created_at`,`id`,`status`,`moderation`);