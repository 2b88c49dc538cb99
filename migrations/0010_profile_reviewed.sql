ALTER TABLE `commune_profile` ADD `reviewed_at` text;--> statement-breakpoint
-- Before this version the profile was only ever written by someone saving it in Paramètres: it was reviewed then.
UPDATE `commune_profile` SET `reviewed_at` = `updated_at`;
