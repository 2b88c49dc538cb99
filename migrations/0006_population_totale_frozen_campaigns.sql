ALTER TABLE `campaigns` ADD `frozen` text;--> statement-breakpoint
ALTER TABLE `commune` ADD `population_totale` integer;--> statement-breakpoint
ALTER TABLE `commune` ADD `population_totale_year` integer;