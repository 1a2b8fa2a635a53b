-- The loop's job-complete events: one row per ended experiment (the unique experiment_id makes recording
-- exactly-once), delivered to the study's webhook by a separate executor with retries (at-least-once delivery;
-- receivers de-duplicate on the Idempotency-Key header, which is the event id).
CREATE TABLE job_complete_event (
    id              uuid PRIMARY KEY,
    study_id        uuid        NOT NULL REFERENCES study (id) ON DELETE CASCADE,
    experiment_id   uuid        NOT NULL UNIQUE REFERENCES experiment (id) ON DELETE CASCADE,
    callback_url    text,
    payload         jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    -- null when there is nothing (more) to deliver: no callback URL, delivered, or given up
    next_attempt_at timestamptz,
    delivered_at    timestamptz,
    last_error      text
);

-- What the delivery executor scans: events due for an attempt.
CREATE INDEX job_complete_event_due_idx ON job_complete_event (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
-- A study's events in order (the API's event list).
CREATE INDEX job_complete_event_study_idx ON job_complete_event (study_id, created_at);

-- Which replica's loop created each experiment: for operators reading a takeover, and for the test that two
-- replicas never both drive one study.
ALTER TABLE experiment ADD COLUMN created_by text;
