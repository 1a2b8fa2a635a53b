package dev.hpo.study;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hpo.experiment.BaseExperiment;
import dev.hpo.experiment.BaseExperimentRepository;
import dev.hpo.experiment.ExperimentRepository;
import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.shared.InvalidInputException;
import dev.hpo.shared.NotFoundException;
import dev.hpo.shared.StudyId;
import dev.hpo.shared.UnusableInputException;
import dev.hpo.shared.outbound.RefusedTargetException;
import dev.hpo.shared.outbound.WebhookTargets;

/**
 * Creates studies and moves them through the user's transitions (start, stop, limits, backend). Every write
 * locks the study row first, so it never interleaves with a loop tick of the same study, and publishes
 * {@link StudyStateChanged} when the status changed.
 */
@Service
public class StudyService {

    /**
     * The most minutes any time field of a study takes (about 190 years): a deadline that far ahead still fits the
     * timestamp it is stored as and the millisecond arithmetic of the loop.
     */
    public static final double MAX_MINUTES = 1e8;

    private final StudyRepository studies;
    private final BaseExperimentRepository bases;
    private final ExperimentRepository experiments;
    private final StudyFactory factory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WebhookTargets webhookTargets;

    StudyService(StudyRepository studies, BaseExperimentRepository bases, ExperimentRepository experiments,
                 StudyFactory factory, ApplicationEventPublisher events, Clock clock, WebhookTargets webhookTargets) {
        this.webhookTargets = webhookTargets;
        this.studies = studies;
        this.bases = bases;
        this.experiments = experiments;
        this.factory = factory;
        this.events = events;
        this.clock = clock;
    }

    /** 404 for an unknown base experiment, 422 for input the domain cannot use; nothing is written then. */
    @Transactional
    public Study create(StudyDraft draft) {
        BaseExperiment base = bases.findById(draft.baseExperimentId().value())
                .orElseThrow(() -> NotFoundException.of("base experiment", draft.baseExperimentId().value()));
        NewStudy definition = factory.build(draft, base.command());
        return studies.save(new Study(StudyId.random(), definition, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Study get(StudyId id) {
        return studies.findById(id.value()).orElseThrow(() -> NotFoundException.of("study", id.value()));
    }

    /** Newest first, optionally only those in {@code status}. */
    @Transactional(readOnly = true)
    public Page<Study> list(StudyStatus status, int page, int size) {
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
        return status == null ? studies.findAll(request) : studies.findByStatusIn(List.of(status), request);
    }

    /** CREATED -> RUNNING; the job-complete webhook, when given, must be an absolute http(s) URL. */
    @Transactional
    public Study start(StudyId id, String jobCompleteCallbackUrl) {
        if (jobCompleteCallbackUrl != null) {
            requireHttpUrl("jobCompleteCallbackUrl", jobCompleteCallbackUrl);
            try {
                webhookTargets.check(jobCompleteCallbackUrl);
            } catch (RefusedTargetException e) {
                throw new UnusableInputException("jobCompleteCallbackUrl", "the callback URL " + e.getMessage());
            }
        }
        Study study = locked(id);
        study.start(clock.instant(), jobCompleteCallbackUrl);
        changed(study);
        StudyLog.started(study.id().value(), study.name(), study.strategyName(),
                study.earlyStopping() == null ? null : study.earlyStopping().rule(), study.backend(), study.limits().totalMaxJobs());
        return study;
    }

    /** CREATED -> STOPPED at once; RUNNING -> STOPPING (the loop finishes it); otherwise unchanged. */
    @Transactional
    public Study stop(StudyId id) {
        Study study = locked(id);
        if (study.requestStop(clock.instant())) {
            changed(study);
        }
        return study;
    }

    /** Exactly one of the two: minutes from now (from start if not started), or an absolute time in the future. */
    @Transactional
    public Study changeTimeLimit(StudyId id, Double inMinutes, Instant specificTime) {
        if ((inMinutes == null) == (specificTime == null)) {
            throw new InvalidInputException("inMinutes", "give exactly one of inMinutes and specificTime");
        }
        Instant now = clock.instant();
        if (inMinutes != null && !(Double.isFinite(inMinutes) && inMinutes > 0 && inMinutes <= MAX_MINUTES)) {
            throw new InvalidInputException("inMinutes", "must be a number greater than 0 (and at most 1e8)");
        }
        if (specificTime != null && !specificTime.isAfter(now)) {
            throw new UnusableInputException("specificTime", "must be in the future (now is " + now + ")");
        }
        // the same bound as inMinutes: a deadline PostgreSQL's timestamp (up to year 294276) and the loop's
        // millisecond arithmetic can hold
        Instant latest = now.plus(Duration.ofMinutes((long) MAX_MINUTES));
        if (specificTime != null && specificTime.isAfter(latest)) {
            throw new InvalidInputException("specificTime", "must be at most 1e8 minutes (about 190 years) from now, "
                    + "i.e. not after " + latest);
        }
        Study study = locked(id);
        if (inMinutes != null) {
            study.changeTimeLimit(inMinutes, now);
        } else {
            // stored with PostgreSQL's microsecond precision; truncated here so the answer shows what is kept
            study.changeDeadline(specificTime.truncatedTo(ChronoUnit.MICROS));
        }
        return study;
    }

    @Transactional
    public Study changeReportPeriod(StudyId id, double minutes) {
        if (!(Double.isFinite(minutes) && minutes > 0 && minutes <= MAX_MINUTES)) {
            throw new InvalidInputException("reportPeriodMinutes", "must be a number greater than 0 (and at most 1e8)");
        }
        Study study = locked(id);
        study.changeReportPeriod(minutes);
        return study;
    }

    /** Only before start; 422 for an unknown or disabled backend, or one that cannot run the base experiment. */
    @Transactional
    public Study changeBackend(StudyId id, String backend, String executionQueue) {
        Study study = locked(id);
        List<String> command = bases.findById(study.baseExperimentId().value()).map(BaseExperiment::command).orElse(null);
        factory.requireBackend("backend", backend, command);
        study.changeBackend(backend, factory.queueFor(backend, executionQueue));
        return study;
    }

    /** The status with its experiment counters. */
    @Transactional(readOnly = true)
    public StudyProgress progress(StudyId id) {
        Study study = get(id);
        Map<ExperimentStatus, Long> counts = new EnumMap<>(ExperimentStatus.class);
        for (ExperimentStatus s : ExperimentStatus.values()) {
            counts.put(s, 0L);
        }
        experiments.countByStatus(id.value()).forEach(c -> counts.put(c.getStatus(), c.getCount()));
        return StudyProgress.of(study, counts, clock.instant());
    }

    private Study locked(StudyId id) {
        return studies.findForUpdate(id.value()).orElseThrow(() -> NotFoundException.of("study", id.value()));
    }

    private void changed(Study study) {
        events.publishEvent(new StudyStateChanged(study.id().value(), study.status().name()));
    }

    static void requireHttpUrl(String field, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || value.length() > 2048) {
                throw new InvalidInputException(field, "must be an absolute http or https URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "is not a valid URL: " + e.getReason());
        }
    }
}
