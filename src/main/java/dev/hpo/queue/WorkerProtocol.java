package dev.hpo.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hpo.shared.StopReason;
import dev.hpo.experiment.Experiment;
import dev.hpo.experiment.ExperimentChanged;
import dev.hpo.experiment.ExperimentId;
import dev.hpo.experiment.ExperimentRepository;
import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.experiment.ScalarPoint;
import dev.hpo.experiment.ScalarStore;
import dev.hpo.shared.IllegalTransitionException;
import dev.hpo.shared.InvalidInputException;
import dev.hpo.shared.NotFoundException;

/**
 * The worker protocol, for HTTP workers and in-process backends alike. Every call is one transaction and is
 * idempotent; after a change the loop must see (new scalars, an end, a retry's points dropped) it publishes
 * {@link ExperimentChanged} so the loop ticks the study at once. A plain start publishes nothing: the loop has
 * nothing to decide when an experiment starts (its time limit is checked on the regular tick).
 *
 * <p>Calls after the experiment ended:
 * <ul>
 * <li>{@link #complete} on COMPLETED and {@link #fail} on FAILED answer the same outcome again (a retried call);</li>
 * <li>{@link #heartbeat} and {@link #reportScalars} on an experiment the service ended (ABORTED, or COMPLETED at
 * its iteration budget with reason {@code iteration_limit}) answer {@code stop} with the stop reason, so the
 * worker learns it must stop (points sent then are not stored);</li>
 * <li>anything else (complete/fail on another end state, heartbeat/scalars on COMPLETED or FAILED, any call but
 * lease on a QUEUED experiment, a heartbeat from a worker that does not hold the lease) is an
 * {@link IllegalTransitionException}: 409 with the experiment's status.</li>
 * </ul>
 */
@Service
public class WorkerProtocol {

    /** Most points one report may carry. */
    public static final int MAX_POINTS_PER_REPORT = 10_000;
    private static final int MAX_NAME_LENGTH = 255;
    private static final int MAX_MESSAGE_LENGTH = 10_000;

    private final ExperimentRepository experiments;
    private final WorkerRows rows;
    private final BaseParameters baseParameters;
    private final ScalarStore scalars;
    private final WorkerSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkerProtocol(ExperimentRepository experiments, WorkerRows rows, BaseParameters baseParameters,
                   ScalarStore scalars, WorkerSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.experiments = experiments;
        this.rows = rows;
        this.baseParameters = baseParameters;
        this.scalars = scalars;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Gives the oldest QUEUED experiment of {@code queue} (of a RUNNING study) to {@code workerId} and starts it;
     * empty when there is none. Concurrent calls never hand out the same experiment.
     */
    @Transactional
    public Optional<LeasedExperiment> lease(String queue, String workerId) {
        return lease(queue, workerId, null);
    }

    /**
     * {@link #lease(String, String)}, recording in the same transaction the API token that leased it
     * ({@code experiment.lease_token_id}, null for none), so a worker token may then read the experiment it holds.
     */
    @Transactional
    public Optional<LeasedExperiment> lease(String queue, String workerId, UUID leaseTokenId) {
        requireName("workerId", workerId);
        Instant now = clock.instant();
        WorkerRows.Leased leased = rows.leaseOldestQueued(queue, workerId, now, now.plus(settings.leaseTimeout()),
                leaseTokenId);
        if (leased == null) {
            return Optional.empty();
        }
        if (leased.retries() > 0) {
            // a QUEUED row with retries was queued again after a lost worker (a requeue clears started_at)
            scalars.deleteAll(leased.id());
            events.publishEvent(new ExperimentChanged(leased.studyId(), leased.id()));
        }
        Map<String, Object> parameters = new LinkedHashMap<>(baseParameters.of(leased.studyId()));
        parameters.putAll(leased.parameters());
        return Optional.of(new LeasedExperiment(leased.id(), leased.studyId(), leased.name(), leased.project(),
                parameters, leased.maxIteration(), heartbeatSeconds(), now.plus(settings.leaseTimeout())));
    }

    /**
     * Starts a QUEUED experiment for an in-process backend (no queue). True when it runs under {@code workerId}
     * now (also when it already did: a repeated call); false when it ended before it could start.
     */
    @Transactional
    public boolean start(ExperimentId id, String workerId) {
        requireName("workerId", workerId);
        Experiment experiment = lockedExperiment(id);
        if (experiment.status().ended()) {
            return false;
        }
        if (experiment.status() == ExperimentStatus.RUNNING) {
            if (workerId.equals(experiment.workerId())) {
                return true;
            }
            throw new IllegalTransitionException("experiment " + id + " is already running on worker "
                    + experiment.workerId(), experiment.status().name());
        }
        boolean retry = forgetLostAttempt(experiment);
        Instant now = clock.instant();
        experiment.start(workerId, now, now.plus(settings.leaseTimeout()));
        if (retry) {
            changed(experiment);
        }
        return true;
    }

    /** What a worker needs to run an experiment it holds (parameters merged over the base defaults). */
    @Transactional(readOnly = true)
    public LeasedExperiment describe(ExperimentId id) {
        return leased(experiments.findById(id.value()).orElseThrow(() -> NotFoundException.of("experiment", id.value())));
    }

    /**
     * Renews the lease of a RUNNING experiment. {@code workerId} null accepts any worker (in-process backends);
     * otherwise it must be the worker that leased it.
     */
    @Transactional
    public WorkerAction heartbeat(ExperimentId id, String workerId) {
        Instant expires = clock.instant().plus(settings.leaseTimeout());
        if (experiments.renewLease(id.value(), workerId, expires) == 1) {
            return WorkerAction.CONTINUE;
        }
        return notRenewed(existing(id), workerId);
    }

    /**
     * Stores the points not stored yet (a re-sent report changes nothing), folds them into the metric summaries
     * and renews the lease, all in one transaction. New points wake the loop only when they can change its
     * decisions: the experiment has an iteration budget ({@code iteration_limit}) or the study an early-stopping
     * rule ({@code pruned}); the regular tick sees every report anyway.
     */
    @Transactional
    public WorkerAction reportScalars(ExperimentId id, List<ScalarPoint> points) {
        if (append(id, points, "", true) == null) {
            return notRenewed(existing(id), null);
        }
        return WorkerAction.CONTINUE;
    }

    /**
     * Checks the points ({@code list}: where they sit in the request body, "" for the body itself), then, when the
     * experiment is RUNNING, renews its lease and stores the new ones; null (nothing stored) when it is not. With
     * {@code wakeLoop}, new points wake the loop when they can change its decisions (see {@link #reportScalars}).
     */
    private WorkerRows.Renewed append(ExperimentId id, List<ScalarPoint> points, String list, boolean wakeLoop) {
        validate(points, list);
        Instant now = clock.instant();
        WorkerRows.Renewed renewed = rows.renew(id.value(), now.plus(settings.leaseTimeout()));
        if (renewed == null) {
            return null;
        }
        int inserted = scalars.append(id.value(), renewed.studyId(), points, now);
        // without an iteration budget or a stopping rule a report changes nothing the loop decides: no tick for it
        // (one would delay the tick of the next complete, which refills the slot)
        if (wakeLoop && inserted > 0 && renewed.reportsMatter()) {
            events.publishEvent(new ExperimentChanged(renewed.studyId(), id.value()));
        }
        return renewed;
    }

    /**
     * RUNNING -> COMPLETED; repeated on a COMPLETED experiment it answers the same outcome. An experiment queued
     * again after a lost worker and not leased since is completed too (that worker finished after all).
     */
    @Transactional
    public ExperimentOutcome complete(ExperimentId id) {
        Instant now = clock.instant();
        WorkerRows.Completed completed = rows.completeRunning(id.value(), now);
        if (completed != null) {
            events.publishEvent(new ExperimentChanged(completed.studyId(), completed.id()));
            return new ExperimentOutcome(completed.id(), ExperimentStatus.COMPLETED.name(), null,
                    completed.failureMessage(), now);
        }
        Experiment experiment = lockedExperiment(id);
        if (experiment.complete(clock.instant())) {
            changed(experiment);
        }
        return ExperimentOutcome.of(experiment);
    }

    /**
     * {@link #complete(ExperimentId)} with the experiment's last points, in one transaction: the points are stored
     * as {@link #reportScalars} stores them, then the experiment completes, so its end (and the job-complete event)
     * already sees them. One call instead of two at the end of every experiment. When the experiment is no longer
     * RUNNING the points are not stored and the answer is that of a plain complete.
     */
    @Transactional
    public ExperimentOutcome complete(ExperimentId id, List<ScalarPoint> lastPoints) {
        if (!lastPoints.isEmpty()) {
            append(id, lastPoints, "scalars", false); // the complete below wakes the loop
        }
        return complete(id);
    }

    /** QUEUED/RUNNING -> FAILED; repeated on a FAILED experiment it answers the same outcome (first message kept). */
    @Transactional
    public ExperimentOutcome fail(ExperimentId id, String message) {
        if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH);
        }
        Experiment experiment = lockedExperiment(id);
        if (experiment.fail(message, clock.instant())) {
            changed(experiment);
        }
        return ExperimentOutcome.of(experiment);
    }

    /**
     * A retry starts from nothing: the lost attempt's points and summaries go now, not when it was queued again,
     * so that a lost worker that completes before the retry is leased keeps the result it reported.
     */
    private boolean forgetLostAttempt(Experiment experiment) {
        if (experiment.awaitingRetry()) {
            scalars.deleteAll(experiment.id().value());
            return true;
        }
        return false;
    }

    private WorkerAction notRenewed(Experiment experiment, String workerId) {
        if (endedByTheService(experiment)) {
            return WorkerAction.stop(experiment.stopReason());
        }
        if (lostAndRequeued(experiment, workerId)) {
            return WorkerAction.stop(StopReason.WORKER_LOST.code());
        }
        if (experiment.status() == ExperimentStatus.RUNNING) {
            throw new IllegalTransitionException("experiment " + experiment.id() + " is leased by worker "
                    + experiment.workerId() + ", not " + workerId, experiment.status().name());
        }
        String state = experiment.status() == ExperimentStatus.QUEUED ? "it is QUEUED: lease it first"
                : "it is " + experiment.status() + (experiment.stopReason() != null ? " (" + experiment.stopReason() + ")" : "");
        throw new IllegalTransitionException("experiment " + experiment.id() + " takes no reports: " + state,
                experiment.status().name());
    }

    /**
     * Ended by the service while the worker still runs it: aborted (a limit, pruning, the study stopped) or
     * completed at its iteration budget. The worker must learn it should stop, not get an error.
     */
    private static boolean endedByTheService(Experiment experiment) {
        return experiment.status() == ExperimentStatus.ABORTED
                || experiment.status() == ExperimentStatus.COMPLETED && experiment.stopReason() != null;
    }

    /**
     * A worker that was declared lost calls again after the loop queued its experiment for another attempt: it
     * must stop (its attempt no longer counts), not get an error. Only heartbeats carry the worker id, so a late
     * worker is recognised while the experiment waits QUEUED, or by its id once another worker leased it.
     */
    private static boolean lostAndRequeued(Experiment experiment, String workerId) {
        if (experiment.retries() == 0) {
            return false;
        }
        return experiment.status() == ExperimentStatus.QUEUED
                || experiment.status() == ExperimentStatus.RUNNING && workerId != null
                && !workerId.equals(experiment.workerId());
    }

    private LeasedExperiment leased(Experiment experiment) {
        Map<String, Object> parameters = new LinkedHashMap<>(baseParameters.of(experiment.studyId().value()));
        parameters.putAll(experiment.parameters());
        return new LeasedExperiment(experiment.id().value(), experiment.studyId().value(), experiment.name(),
                experiment.project(), parameters, experiment.maxIteration(), heartbeatSeconds(),
                experiment.workerLeaseExpiresAt());
    }

    private long heartbeatSeconds() {
        return Math.max(1, settings.heartbeatInterval().toSeconds());
    }

    private void changed(Experiment experiment) {
        events.publishEvent(new ExperimentChanged(experiment.studyId().value(), experiment.id().value()));
    }

    private Experiment existing(ExperimentId id) {
        return experiments.findById(id.value()).orElseThrow(() -> NotFoundException.of("experiment", id.value()));
    }

    private Experiment lockedExperiment(ExperimentId id) {
        return experiments.findForUpdate(id.value()).orElseThrow(() -> NotFoundException.of("experiment", id.value()));
    }

    private static void validate(List<ScalarPoint> points, String list) {
        if (points.size() > MAX_POINTS_PER_REPORT) {
            throw new InvalidInputException(list.isEmpty() ? "body" : list,
                    "at most " + MAX_POINTS_PER_REPORT + " points per report");
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            ScalarPoint p = points.get(i);
            String at = list + "[" + i + "].";
            checkName(errors, at + "title", p.title());
            checkName(errors, at + "series", p.series());
            if (p.iteration() < 0) {
                errors.add(new InvalidInputException.FieldError(at + "iteration", "must be 0 or more"));
            }
            if (!Double.isFinite(p.value())) {
                errors.add(new InvalidInputException.FieldError(at + "value", "must be a finite number"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void checkName(List<InvalidInputException.FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new InvalidInputException.FieldError(field, "must not be blank"));
        } else if (value.length() > MAX_NAME_LENGTH) {
            errors.add(new InvalidInputException.FieldError(field, "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
    }

    private static void requireName(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException(field, "must be a non-blank string of at most " + MAX_NAME_LENGTH + " characters");
        }
    }

}
