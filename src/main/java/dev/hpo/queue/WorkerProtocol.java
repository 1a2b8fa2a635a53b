package dev.hpo.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hpo.shared.StopReason;
import dev.hpo.experiment.BaseExperimentRepository;
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
 * idempotent; after a change it publishes {@link ExperimentChanged} so the loop ticks the study at once.
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
    private final BaseExperimentRepository bases;
    private final ScalarStore scalars;
    private final WorkerSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkerProtocol(ExperimentRepository experiments, BaseExperimentRepository bases,
                   ScalarStore scalars, WorkerSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.experiments = experiments;
        this.bases = bases;
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
        requireName("workerId", workerId);
        Optional<Experiment> next = experiments.lockOldestQueued(queue);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Experiment experiment = next.get();
        forgetLostAttempt(experiment);
        Instant now = clock.instant();
        experiment.start(workerId, now, now.plus(settings.leaseTimeout()));
        changed(experiment);
        return Optional.of(leased(experiment));
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
        forgetLostAttempt(experiment);
        Instant now = clock.instant();
        experiment.start(workerId, now, now.plus(settings.leaseTimeout()));
        changed(experiment);
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
     * and renews the lease, all in one transaction.
     */
    @Transactional
    public WorkerAction reportScalars(ExperimentId id, List<ScalarPoint> points) {
        validate(points);
        Instant now = clock.instant();
        if (experiments.renewLease(id.value(), null, now.plus(settings.leaseTimeout())) != 1) {
            return notRenewed(existing(id), null);
        }
        Experiment experiment = existing(id);
        int inserted = scalars.append(id.value(), experiment.studyId().value(), points, now);
        if (inserted > 0) {
            changed(experiment);
        }
        return WorkerAction.CONTINUE;
    }

    /**
     * RUNNING -> COMPLETED; repeated on a COMPLETED experiment it answers the same outcome. An experiment queued
     * again after a lost worker and not leased since is completed too (that worker finished after all).
     */
    @Transactional
    public ExperimentOutcome complete(ExperimentId id) {
        Experiment experiment = lockedExperiment(id);
        if (experiment.complete(clock.instant())) {
            changed(experiment);
        }
        return ExperimentOutcome.of(experiment);
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
    private void forgetLostAttempt(Experiment experiment) {
        if (experiment.awaitingRetry()) {
            scalars.deleteAll(experiment.id().value());
        }
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
        Map<String, Object> parameters = bases.findOfStudy(experiment.studyId().value())
                .map(base -> base.parametersWith(experiment.parameters()))
                .orElse(experiment.parameters());
        return new LeasedExperiment(experiment.id().value(), experiment.studyId().value(), experiment.name(),
                experiment.project(), parameters, experiment.maxIteration(),
                Math.max(1, settings.heartbeatInterval().toSeconds()), experiment.workerLeaseExpiresAt());
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

    private static void validate(List<ScalarPoint> points) {
        if (points.size() > MAX_POINTS_PER_REPORT) {
            throw new InvalidInputException("body", "at most " + MAX_POINTS_PER_REPORT + " points per report");
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            ScalarPoint p = points.get(i);
            String at = "[" + i + "].";
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
