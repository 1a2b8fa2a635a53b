-- A study's limits become part of its stored definition: one jsonb object, written and read by
-- StudyDefinitionCodec (keys as the study API names them, a limit not set is left out), instead of one column
-- per limit. The loop reads them from the decoded definition, so a new limit needs no migration, no entity
-- column and no column read in the loop's SQL. What changes while a study runs (deadline, report period,
-- counters, lease) stays in columns.
ALTER TABLE study ADD COLUMN limits jsonb;

UPDATE study SET limits = jsonb_strip_nulls(jsonb_build_object(
        'maxConcurrentExperiments', max_concurrent_experiments,
        'totalMaxJobs', total_max_jobs,
        'optimizationTimeLimitMinutes', optimization_time_limit_minutes,
        'computeTimeLimitMinutes', compute_time_limit_minutes,
        'timeLimitPerJobMinutes', time_limit_per_job_minutes,
        'minIterationPerJob', min_iteration_per_job,
        'maxIterationPerJob', max_iteration_per_job,
        'maxRetriesPerExperiment', max_retries_per_experiment));

ALTER TABLE study ALTER COLUMN limits SET NOT NULL;
ALTER TABLE study ADD CONSTRAINT study_limits_is_object CHECK (jsonb_typeof(limits) = 'object');

ALTER TABLE study
    DROP COLUMN max_concurrent_experiments,
    DROP COLUMN total_max_jobs,
    DROP COLUMN optimization_time_limit_minutes,
    DROP COLUMN compute_time_limit_minutes,
    DROP COLUMN time_limit_per_job_minutes,
    DROP COLUMN min_iteration_per_job,
    DROP COLUMN max_iteration_per_job,
    DROP COLUMN max_retries_per_experiment;
