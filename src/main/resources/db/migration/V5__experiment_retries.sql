-- Retries of lost experiments: a study may ask that an experiment whose worker stopped renewing its lease be
-- queued again with the same parameters (the same row goes back to QUEUED) up to max_retries_per_experiment
-- times before it fails as worker_lost. experiment.retries counts how often that happened to it.
ALTER TABLE study ADD COLUMN max_retries_per_experiment integer NOT NULL DEFAULT 0
    CHECK (max_retries_per_experiment >= 0);
ALTER TABLE experiment ADD COLUMN retries integer NOT NULL DEFAULT 0 CHECK (retries >= 0);
