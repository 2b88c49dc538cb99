ALTER TABLE `peer_benchmarks` ADD `q1` real;--> statement-breakpoint
ALTER TABLE `peer_benchmarks` ADD `q3` real;