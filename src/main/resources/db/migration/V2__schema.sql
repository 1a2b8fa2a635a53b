-- The service's tables: base experiments, studies, experiments, scalar points and per-metric summaries.
-- Owned by the api branch; the loop adds V3+ for its own tables/columns.

CREATE TABLE base_experiment (
    id                uuid PRIMARY KEY,
    name              text        NOT NULL,
    project           text,
    parameters        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    command           jsonb,
    working_directory text,
    environment       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz NOT NULL
);

CREATE INDEX base_experiment_created_idx ON base_experiment (created_at, id);

CREATE TABLE study (
    id                              uuid PRIMARY KEY,
    name                            text        NOT NULL,
    base_experiment_id              uuid        NOT NULL REFERENCES base_experiment (id),
    space                           jsonb       NOT NULL,
    objectives                      jsonb       NOT NULL,
    strategy_name                   text        NOT NULL,
    strategy_settings               jsonb       NOT NULL DEFAULT '{}'::jsonb,
    strategy_state                  jsonb,
    seed                            bigint      NOT NULL,
    early_stopping                  jsonb,
    backend                         text        NOT NULL CHECK (backend IN ('queue', 'process')),
    execution_queue                 text,
    max_concurrent_experiments      integer     NOT NULL CHECK (max_concurrent_experiments > 0),
    total_max_jobs                  integer CHECK (total_max_jobs > 0),
    optimization_time_limit_minutes double precision CHECK (optimization_time_limit_minutes > 0),
    compute_time_limit_minutes      double precision CHECK (compute_time_limit_minutes > 0),
    time_limit_per_job_minutes      double precision CHECK (time_limit_per_job_minutes > 0),
    min_iteration_per_job           bigint CHECK (min_iteration_per_job > 0),
    max_iteration_per_job           bigint CHECK (max_iteration_per_job > 0),
    save_top_k_only                 integer CHECK (save_top_k_only > 0),
    spawn_project                   text,
    report_period_minutes           double precision NOT NULL DEFAULT 5 CHECK (report_period_minutes > 0),
    job_complete_callback_url       text,
    status                          text        NOT NULL
        CHECK (status IN ('CREATED', 'RUNNING', 'STOPPING', 'COMPLETED', 'STOPPED', 'FAILED')),
    status_reason                   text,
    created_at                      timestamptz NOT NULL,
    started_at                      timestamptz,
    ended_at                        timestamptz,
    deadline                        timestamptz,
    experiments_created             integer     NOT NULL DEFAULT 0,
    lease_owner                     text,
    lease_expires_at                timestamptz,
    last_report_at                  timestamptz,
    report                          jsonb,
    version                         bigint      NOT NULL DEFAULT 0
);

-- The loop's scan of studies to drive, and the paged list filtered by status.
CREATE INDEX study_status_idx ON study (status, created_at);
CREATE INDEX study_created_idx ON study (created_at, id);

CREATE TABLE experiment (
    id                      uuid PRIMARY KEY,
    study_id                uuid        NOT NULL REFERENCES study (id) ON DELETE CASCADE,
    number                  integer     NOT NULL CHECK (number >= 0),
    name                    text        NOT NULL,
    project                 text,
    parameters              jsonb       NOT NULL,
    status                  text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'ABORTED')),
    stop_reason             text,
    failure_message         text,
    archived                boolean     NOT NULL DEFAULT false,
    queue                   text,
    max_iteration           bigint,
    worker_id               text,
    worker_lease_expires_at timestamptz,
    created_at              timestamptz NOT NULL,
    started_at              timestamptz,
    ended_at                timestamptz,
    completion_notified     boolean     NOT NULL DEFAULT false,
    version                 bigint      NOT NULL DEFAULT 0,
    -- also guards against two replicas creating the same experiment of a study
    CONSTRAINT experiment_study_number_key UNIQUE (study_id, number)
);

-- Active (queued or running) experiments of a study: the loop's slot count and GET ...?active=true.
CREATE INDEX experiment_active_idx ON experiment (study_id, number) WHERE status IN ('QUEUED', 'RUNNING');
-- The oldest queued experiment of a queue: the worker lease.
CREATE INDEX experiment_queued_idx ON experiment (queue, created_at) WHERE status = 'QUEUED';
-- Running experiments whose worker stopped renewing its lease.
CREATE INDEX experiment_worker_lease_idx ON experiment (worker_lease_expires_at) WHERE status = 'RUNNING';

CREATE TABLE scalar (
    experiment_id uuid             NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    title         text             NOT NULL,
    series        text             NOT NULL,
    iteration     bigint           NOT NULL CHECK (iteration >= 0),
    value         double precision NOT NULL,
    reported_at   timestamptz      NOT NULL,
    PRIMARY KEY (experiment_id, title, series, iteration)
);

CREATE TABLE metric_summary (
    experiment_id  uuid             NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    study_id       uuid             NOT NULL REFERENCES study (id) ON DELETE CASCADE,
    title          text             NOT NULL,
    series         text             NOT NULL,
    last_value     double precision NOT NULL,
    last_iteration bigint           NOT NULL,
    min_value      double precision NOT NULL,
    max_value      double precision NOT NULL,
    count          bigint           NOT NULL,
    PRIMARY KEY (experiment_id, title, series)
);

-- Ranking and top-k by a metric of a study never scan the scalar table.
CREATE INDEX metric_summary_study_metric_idx ON metric_summary (study_id, title, series);
