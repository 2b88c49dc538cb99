CREATE TABLE `portal_connection` (
	`id` integer PRIMARY KEY NOT NULL,
	`relay_url` text NOT NULL,
	`commune_code` text NOT NULL,
	`commune_name` text NOT NULL,
	`portal_url` text NOT NULL,
	`api_version` integer NOT NULL,
	`connected_at` text NOT NULL,
	`connected_by` text NOT NULL,
	CONSTRAINT "portal_connection_single_row" CHECK("portal_connection"."id" = 1)
);
