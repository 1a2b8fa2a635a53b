-- A study's event stream (GET /api/v1/studies/{id}/events, server-sent events).
--
-- Triggers write the events in the same transaction as the change they describe, whichever code path made it
-- (worker calls, the loop, the process backend, a user's abort, another replica), so nothing is missed and
-- nothing is announced that did not commit.
--
-- id is the write order. seq is the id clients see (the SSE "id:" and Last-Event-ID): it is assigned later,
-- by one sequencer at a time (an advisory lock), to events already committed, in id order. A reader that has
-- seen seq n therefore never sees a smaller seq appear afterwards, which ids taken from a sequence at insert
-- time would not guarantee (a transaction that took id 9 may commit after the one that took id 10).
--
-- Retention: lifecycle events stay with their study (deleted with it); experiment_reported events, the
-- bulkiest, are pruned by the service after hpo.events.reported-retention (the scalars themselves stay).
CREATE TABLE study_event (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seq        bigint UNIQUE,
    study_id   uuid        NOT NULL REFERENCES study (id) ON DELETE CASCADE,
    type       text        NOT NULL,
    data       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- What the sequencer scans: committed events without a seq yet.
CREATE INDEX study_event_unsequenced_idx ON study_event (id) WHERE seq IS NULL;
-- A study's events after a seq (replay and the live poll).
CREATE INDEX study_event_study_seq_idx ON study_event (study_id, seq) WHERE seq IS NOT NULL;
-- What pruning deletes.
CREATE INDEX study_event_reported_idx ON study_event (created_at) WHERE type = 'experiment_reported';

-- The time of an event as ISO 8601 in UTC, e.g. 2026-12-03T12:15:03.123456Z.
CREATE FUNCTION study_event_time() RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

CREATE FUNCTION study_event_write(p_study uuid, p_type text, p_data jsonb) RETURNS void LANGUAGE sql AS $$
    INSERT INTO study_event (study_id, type, data)
    VALUES (p_study, p_type, jsonb_build_object('studyId', p_study, 'at', study_event_time()) || p_data)
$$;

-- The value of each study objective an experiment reported (by the objective's sign: last value, or the
-- minimum/maximum of all values for min_global/max_global), in study order, a null for one not reported;
-- null when it reported none of them.
CREATE FUNCTION study_event_objectives(p_study uuid, p_experiment uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN count(ms.experiment_id) = 0 THEN NULL
                ELSE jsonb_agg(CASE o.objective ->> 'sign'
                                   WHEN 'min_global' THEN ms.min_value
                                   WHEN 'max_global' THEN ms.max_value
                                   ELSE ms.last_value END ORDER BY o.position) END
    FROM study s
    CROSS JOIN LATERAL jsonb_array_elements(s.objectives) WITH ORDINALITY AS o (objective, position)
    LEFT JOIN metric_summary ms ON ms.experiment_id = p_experiment
        AND ms.title = o.objective ->> 'title' AND ms.series = o.objective ->> 'series'
    WHERE s.id = p_study
$$;

CREATE FUNCTION study_event_of_experiment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head jsonb := jsonb_build_object('experimentId', NEW.id, 'number', NEW.number);
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM study_event_write(NEW.study_id, 'experiment_created', head || jsonb_build_object(
            'name', NEW.name, 'status', NEW.status, 'parameters', NEW.parameters));
    END IF;
    IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
        IF NEW.status = 'RUNNING' THEN
            PERFORM study_event_write(NEW.study_id, 'experiment_started', head || jsonb_build_object(
                'workerId', NEW.worker_id));
        ELSIF NEW.status = 'QUEUED' AND TG_OP = 'UPDATE' THEN
            -- a lost experiment queued again (maxRetriesPerExperiment)
            PERFORM study_event_write(NEW.study_id, 'experiment_requeued', head || jsonb_build_object(
                'retries', NEW.retries));
        ELSIF NEW.status IN ('COMPLETED', 'FAILED', 'ABORTED') THEN
            PERFORM study_event_write(NEW.study_id, 'experiment_ended', head || jsonb_build_object(
                'status', NEW.status, 'stopReason', NEW.stop_reason,
                'objectives', study_event_objectives(NEW.study_id, NEW.id)));
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER experiment_study_events AFTER INSERT OR UPDATE OF status ON experiment
    FOR EACH ROW EXECUTE FUNCTION study_event_of_experiment();

-- One event per metric that new points changed (a report of several metrics gives several events): the last
-- point by iteration of that metric.
CREATE FUNCTION study_event_of_metric() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM study_event_write(NEW.study_id, 'experiment_reported', jsonb_build_object(
        'experimentId', NEW.experiment_id,
        'number', (SELECT e.number FROM experiment e WHERE e.id = NEW.experiment_id),
        'title', NEW.title, 'series', NEW.series,
        'iteration', NEW.last_iteration, 'value', NEW.last_value));
    RETURN NULL;
END
$$;

CREATE TRIGGER metric_summary_study_events AFTER INSERT OR UPDATE ON metric_summary
    FOR EACH ROW EXECUTE FUNCTION study_event_of_metric();

CREATE FUNCTION study_event_of_study() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status OR NEW.status_reason IS DISTINCT FROM OLD.status_reason THEN
        PERFORM study_event_write(NEW.id, 'study_changed', jsonb_build_object(
            'status', NEW.status, 'statusReason', NEW.status_reason));
    END IF;
    IF NEW.last_report_at IS DISTINCT FROM OLD.last_report_at THEN
        PERFORM study_event_write(NEW.id, 'report_written', jsonb_build_object(
            'reportedAt', to_char(NEW.last_report_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER study_study_events AFTER UPDATE OF status, status_reason, last_report_at ON study
    FOR EACH ROW EXECUTE FUNCTION study_event_of_study();
