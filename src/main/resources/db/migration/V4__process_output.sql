-- The process backend keeps the tail of each experiment's output (stdout and stderr together, bounded by
-- hpo.backend.process.output-limit), written when the process ends. Null for experiments run by queue workers.
ALTER TABLE experiment ADD COLUMN output_tail text;
