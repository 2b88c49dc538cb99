CREATE TABLE `deferred_indexes` (
	`name` text PRIMARY KEY NOT NULL,
	`table_name` text NOT NULL,
	`sql` text NOT NULL,
	`deferred_at` text NOT NULL
);
