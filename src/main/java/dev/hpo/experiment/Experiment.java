package dev.hpo.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.hpo.shared.AssignedIdEntity;
import dev.hpo.shared.IllegalTransitionException;
import dev.hpo.shared.StopReason;
import dev.hpo.shared.StudyId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One trial of a study: the base experiment with the study's parameter values on top. It owns its lifecycle
 * {@code QUEUED -> RUNNING -> COMPLETED | FAILED | ABORTED}; every change is a guarded method that throws
 * {@link IllegalTransitionException} for a move the lifecycle does not allow. Methods that repeat the
 * transition that already happened (complete on COMPLETED, fail on FAILED) return false instead, so worker
 * calls are idempotent.
 */
@Entity
@DynamicUpdate
@Table(name = "experiment")
public class Experiment extends AssignedIdEntity {

    @Column(name = "study_id")
    private UUID studyId;
    private int number;
    private String name;
    private String project;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> parameters;
    @Enumerated(EnumType.STRING)
    private ExperimentStatus status;
    @Column(name = "stop_reason")
    private String stopReason;
    @Column(name = "failure_message")
    private String failureMessage;
    private boolean archived;
    private String queue;
    @Column(name = "max_iteration")
    private Long maxIteration;
    @Column(name = "worker_id")
    private String workerId;
    @Column(name = "worker_lease_expires_at")
    private Instant workerLeaseExpiresAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "completion_notified")
    private boolean completionNotified;
    /** How often its worker was lost and it was queued again (the study loop requeues it, see V5). */
    private int retries;
    @Version
    private Long version; // null until persisted, so save() persists a new row instead of merging

    protected Experiment() {
    }

    /**
     * A new QUEUED experiment.
     *
     * @param parameters   the values it runs with (base defaults merged with the suggestion)
     * @param queue        the queue workers lease it from, or null for the process backend
     * @param maxIteration its iteration budget, or null
     */
    public Experiment(ExperimentId id, StudyId studyId, int number, String name, String project,
                      Map<String, Object> parameters, String queue, Long maxIteration, Instant now) {
        super(id.value());
        this.studyId = studyId.value();
        this.number = number;
        this.name = name;
        this.project = project;
        this.parameters = new LinkedHashMap<>(parameters);
        this.queue = queue;
        this.maxIteration = maxIteration;
        this.status = ExperimentStatus.QUEUED;
        this.createdAt = now;
    }

    // ---- transitions (allowed moves: ExperimentTransition) ------------------------------------------------

    /** QUEUED -> RUNNING for a worker (or an in-process backend) that holds it until {@code leaseExpiresAt}. */
    public void start(String workerId, Instant now, Instant leaseExpiresAt) {
        require(ExperimentTransition.START, "start");
        this.status = ExperimentTransition.START.to();
        this.workerId = workerId;
        this.startedAt = now;
        this.workerLeaseExpiresAt = leaseExpiresAt;
    }

    /**
     * RUNNING -> COMPLETED; false (no change) when it already is COMPLETED. Also QUEUED -> COMPLETED for an
     * experiment queued again after its worker was declared lost and not leased since: that worker finished after
     * all (say while the service was down), and its result is better than running it again.
     */
    public boolean complete(Instant now) {
        if (status == ExperimentStatus.COMPLETED) {
            return false;
        }
        ExperimentTransition move = awaitingRetry() ? ExperimentTransition.COMPLETE_LOST_ATTEMPT
                : ExperimentTransition.COMPLETE;
        require(move, "complete");
        end(move, null, now);
        return true;
    }

    /** QUEUED or RUNNING -> FAILED with the worker's message; false (no change) when it already is FAILED. */
    public boolean fail(String message, Instant now) {
        if (status == ExperimentStatus.FAILED) {
            return false;
        }
        require(ExperimentTransition.FAIL, "fail");
        this.failureMessage = message;
        end(ExperimentTransition.FAIL, null, now);
        return true;
    }

    /** QUEUED again after a lost worker, and not leased since (no one else runs it). */
    public boolean awaitingRetry() {
        return status == ExperimentStatus.QUEUED && retries > 0 && startedAt == null;
    }

    /**
     * QUEUED or RUNNING -> ABORTED with a reason (a user's abort; the loop's aborts are SQL guarded by the same
     * {@link ExperimentTransition#ABORT}). The worker learns it on its next call.
     */
    public void abort(StopReason reason, Instant now) {
        require(ExperimentTransition.ABORT, "abort");
        end(ExperimentTransition.ABORT, reason.code(), now);
    }

    // ---- reading ---------------------------------------------------------------------------------------

    /** Running time so far (to its end when ended), zero before start. */
    public Duration runningTime(Instant now) {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt, endedAt != null ? endedAt : now);
    }

    public ExperimentId id() { return new ExperimentId(id); }
    public StudyId studyId() { return new StudyId(studyId); }
    public int number() { return number; }
    public String name() { return name; }
    public String project() { return project; }
    public Map<String, Object> parameters() { return Collections.unmodifiableMap(parameters); }
    public ExperimentStatus status() { return status; }
    public String stopReason() { return stopReason; }
    public String failureMessage() { return failureMessage; }
    public boolean archived() { return archived; }
    public String queue() { return queue; }
    public Long maxIteration() { return maxIteration; }
    public String workerId() { return workerId; }
    public Instant workerLeaseExpiresAt() { return workerLeaseExpiresAt; }
    public Instant createdAt() { return createdAt; }
    public Instant startedAt() { return startedAt; }
    public Instant endedAt() { return endedAt; }
    public boolean completionNotified() { return completionNotified; }
    public int retries() { return retries; }
    public long version() { return version == null ? 0 : version; }

    private void end(ExperimentTransition move, String reason, Instant now) {
        this.status = move.to();
        this.stopReason = reason;
        this.endedAt = now;
        this.workerLeaseExpiresAt = null;
    }

    private void require(ExperimentTransition move, String action) {
        if (!move.allows(status)) {
            throw new IllegalTransitionException(
                    "cannot " + action + " experiment " + id + ": it is " + status
                            + (stopReason != null ? " (" + stopReason + ")" : ""), status.name());
        }
    }
}
