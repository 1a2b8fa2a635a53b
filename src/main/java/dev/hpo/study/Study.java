package dev.hpo.study;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.hpo.experiment.BaseExperimentId;
import dev.hpo.objective.Objective;
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
import tools.jackson.databind.JsonNode;

/**
 * One optimization run. It owns its lifecycle: every status change goes through a guarded method that throws
 * {@link IllegalTransitionException} when the move is not allowed. The REST layer creates, starts and stops
 * studies; the loop drives running ones and ends them with SQL guarded by the same {@link StudyTransition}s.
 */
@Entity
@DynamicUpdate
@Table(name = "study")
public class Study extends AssignedIdEntity {

    private String name;
    @Column(name = "base_experiment_id")
    private UUID baseExperimentId;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Map<String, Object>> space;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Map<String, String>> objectives;
    @Column(name = "strategy_name")
    private String strategyName;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "strategy_settings")
    private Map<String, Object> strategySettings;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "strategy_state")
    private Map<String, Object> strategyState;
    private long seed;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "early_stopping")
    private EarlyStopping earlyStopping;
    private String backend;
    @Column(name = "execution_queue")
    private String executionQueue;
    /** The limits in their stored form ({@link StudyDefinitionCodec#encodeLimits}); read with {@link #limits()}. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> limits;
    @Column(name = "save_top_k_only")
    private Integer saveTopKOnly;
    @Column(name = "spawn_project")
    private String spawnProject;
    @Column(name = "report_period_minutes")
    private double reportPeriodMinutes;
    @Column(name = "job_complete_callback_url")
    private String jobCompleteCallbackUrl;
    @Enumerated(EnumType.STRING)
    private StudyStatus status;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    private Instant deadline;
    @Column(name = "experiments_created")
    private int experimentsCreated;
    @Column(name = "lease_owner")
    private String leaseOwner;
    @Column(name = "lease_expires_at")
    private Instant leaseExpiresAt;
    @Column(name = "last_report_at")
    private Instant lastReportAt;
    @JdbcTypeCode(SqlTypes.JSON)
    private JsonNode report;
    @Version
    private Long version; // null until persisted, so save() persists a new row instead of merging

    protected Study() {
    }

    public Study(StudyId id, NewStudy definition, Instant now) {
        super(id.value());
        this.name = definition.name();
        this.baseExperimentId = definition.baseExperimentId().value();
        this.space = definition.space();
        this.objectives = StudyDefinitionCodec.encodeObjectives(definition.objectives());
        this.strategyName = definition.strategyName();
        this.strategySettings = new LinkedHashMap<>(definition.strategySettings());
        this.seed = definition.seed();
        this.earlyStopping = definition.earlyStopping();
        this.backend = definition.backend();
        this.executionQueue = definition.executionQueue();
        this.limits = StudyDefinitionCodec.encodeLimits(definition.limits());
        this.saveTopKOnly = definition.saveTopKOnly();
        this.spawnProject = definition.spawnProject();
        this.reportPeriodMinutes = definition.reportPeriodMinutes();
        this.status = StudyStatus.CREATED;
        this.createdAt = now;
    }

    // ---- transitions -------------------------------------------------------------------------------------

    /**
     * CREATED -> RUNNING. The optimization time limit counts from here (not from creation, unlike ClearML),
     * unless an absolute deadline was already set with {@link #changeDeadline}.
     */
    public void start(Instant now, String jobCompleteCallbackUrl) {
        require(StudyTransition.START, "start");
        this.status = StudyTransition.START.to();
        this.startedAt = now;
        this.jobCompleteCallbackUrl = jobCompleteCallbackUrl;
        Double timeLimit = limits().optimizationTimeLimitMinutes();
        if (deadline == null && timeLimit != null) {
            this.deadline = now.plus(minutes(timeLimit));
        }
    }

    /**
     * A stop request: CREATED ends STOPPED at once; RUNNING becomes STOPPING and the loop aborts its
     * experiments and finishes it. Idempotent: on a stopping or ended study it changes nothing.
     *
     * @return true when the status changed
     */
    public boolean requestStop(Instant now) {
        if (StudyTransition.STOP_UNSTARTED.allows(status)) {
            end(StudyTransition.STOP_UNSTARTED, StopReason.STOPPED_BY_USER.code(), now);
            return true;
        }
        if (StudyTransition.REQUEST_STOP.allows(status)) {
            this.status = StudyTransition.REQUEST_STOP.to();
            this.statusReason = StopReason.STOPPED_BY_USER.code();
            return true;
        }
        return false;
    }

    /** Sets an absolute optimization deadline; allowed until the study ends. */
    public void changeDeadline(Instant newDeadline) {
        requireNotEnded("change the time limit of");
        this.deadline = newDeadline;
    }

    /** Sets the optimization time limit in minutes from now (running) or from start (not yet started). */
    public void changeTimeLimit(double minutesFromNow, Instant now) {
        requireNotEnded("change the time limit of");
        if (status == StudyStatus.CREATED) {
            // the minutes are part of the stored definition until start, which sets the deadline from them
            this.limits = StudyDefinitionCodec.encodeLimits(limits().withOptimizationTimeLimitMinutes(minutesFromNow));
            this.deadline = null;
        } else {
            this.deadline = now.plus(minutes(minutesFromNow));
        }
    }

    public void changeReportPeriod(double minutes) {
        requireNotEnded("change the report period of");
        this.reportPeriodMinutes = minutes;
    }

    /** Chooses the backend (and queue); only before start, so no experiment is left on the old one. */
    public void changeBackend(String backend, String executionQueue) {
        if (status != StudyStatus.CREATED) {
            throw illegal("change the backend of");
        }
        this.backend = backend;
        this.executionQueue = executionQueue;
    }

    // ---- what the loop records ------------------------------------------------------------------------

    /** Reserves the next experiment number (0-based) and counts it as created. */
    public int nextExperimentNumber() {
        return experimentsCreated++;
    }

    /** Saves the strategy's state in the transaction that created its experiments. */
    public void saveStrategyState(Map<String, Object> state) {
        this.strategyState = state == null ? null : new LinkedHashMap<>(state);
    }

    // ---- reading ---------------------------------------------------------------------------------------

    /** Minutes since start, or -1 before start; counts up to the end for an ended study. */
    public double elapsedMinutes(Instant now) {
        if (startedAt == null) {
            return -1;
        }
        Instant until = endedAt != null ? endedAt : now;
        return Duration.between(startedAt, until).toMillis() / 60_000.0;
    }

    /** Whether the optimization deadline has passed (at the end, for an ended study). */
    public boolean reachedTimeLimit(Instant now) {
        if (deadline == null || startedAt == null) {
            return false;
        }
        Instant at = endedAt != null ? endedAt : now;
        return !at.isBefore(deadline);
    }

    /** The objectives in study order. */
    public List<Objective> objectives() {
        return StudyDefinitionCodec.decodeObjectives(objectives);
    }

    /** The study's limits, as the loop reads them ({@link StudyDefinitionCodec#decodeLimits}). */
    public StudyLimits limits() {
        return StudyDefinitionCodec.decodeLimits(limits);
    }

    public StudyId id() { return new StudyId(id); }
    public String name() { return name; }
    public BaseExperimentId baseExperimentId() { return new BaseExperimentId(baseExperimentId); }
    /** The parameter list in the API's JSON form ({@code SpaceCodec.toJson}); read it with {@code SpaceCodec.fromJson}. */
    public List<Map<String, Object>> space() { return space; }
    public String strategyName() { return strategyName; }
    public Map<String, Object> strategySettings() { return Collections.unmodifiableMap(strategySettings); }
    /** The strategy's saved state, empty before the first suggestion. */
    public Map<String, Object> strategyState() {
        return strategyState == null ? Map.of() : Collections.unmodifiableMap(strategyState);
    }
    public long seed() { return seed; }
    public EarlyStopping earlyStopping() { return earlyStopping; }
    public String backend() { return backend; }
    public String executionQueue() { return executionQueue; }
    public Integer saveTopKOnly() { return saveTopKOnly; }
    public String spawnProject() { return spawnProject; }
    public double reportPeriodMinutes() { return reportPeriodMinutes; }
    public String jobCompleteCallbackUrl() { return jobCompleteCallbackUrl; }
    public StudyStatus status() { return status; }
    public String statusReason() { return statusReason; }
    public Instant createdAt() { return createdAt; }
    public Instant startedAt() { return startedAt; }
    public Instant endedAt() { return endedAt; }
    /** The absolute optimization deadline, set at start or by a time-limit change; null for none. */
    public Instant deadline() { return deadline; }
    public int experimentsCreated() { return experimentsCreated; }
    public String leaseOwner() { return leaseOwner; }
    public Instant leaseExpiresAt() { return leaseExpiresAt; }
    public Instant lastReportAt() { return lastReportAt; }
    /** The latest report the loop wrote, or null before the first. */
    public JsonNode report() { return report; }
    public long version() { return version == null ? 0 : version; }

    private void end(StudyTransition move, String reason, Instant now) {
        this.status = move.to();
        this.statusReason = reason;
        this.endedAt = now;
        this.leaseOwner = null;
        this.leaseExpiresAt = null;
    }

    private void requireNotEnded(String action) {
        if (status.ended()) {
            throw illegal(action);
        }
    }

    private void require(StudyTransition move, String action) {
        if (!move.allows(status)) {
            throw illegal(action);
        }
    }

    private IllegalTransitionException illegal(String action) {
        return new IllegalTransitionException(
                "cannot " + action + " study " + id + ": it is " + status, status.name());
    }

    private static Duration minutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000.0));
    }
}
