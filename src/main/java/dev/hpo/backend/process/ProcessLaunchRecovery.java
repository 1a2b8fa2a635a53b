package dev.hpo.backend.process;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.hpo.backend.LaunchRequest;
import dev.hpo.experiment.BaseExperiment;
import dev.hpo.experiment.BaseExperimentRepository;
import dev.hpo.experiment.ExperimentId;
import dev.hpo.queue.LeasedExperiment;
import dev.hpo.queue.WorkerProtocol;

/**
 * Starts process-backend experiments whose launch was lost. The loop launches an experiment right after the
 * transaction that created it; a service stopped in between leaves it QUEUED, and no worker would ever lease it
 * (the process backend has no queue), so its study would wait forever. Any replica with the backend on picks such
 * experiments up; the guarded QUEUED -> RUNNING start lets exactly one of them run it.
 */
@Component
class ProcessLaunchRecovery {

    private static final Logger log = LoggerFactory.getLogger(ProcessLaunchRecovery.class);
    private static final int BATCH = 100;

    private final ProcessBackend backend;
    private final ProcessBackendSettings settings;
    private final JdbcTemplate jdbc;
    private final WorkerProtocol protocol;
    private final BaseExperimentRepository bases;

    ProcessLaunchRecovery(ProcessBackend backend, ProcessBackendSettings settings, JdbcTemplate jdbc,
                          WorkerProtocol protocol, BaseExperimentRepository bases) {
        this.backend = backend;
        this.settings = settings;
        this.jdbc = jdbc;
        this.protocol = protocol;
        this.bases = bases;
    }

    @Scheduled(initialDelayString = "${hpo.backend.process.recovery-interval:30s}",
            fixedDelayString = "${hpo.backend.process.recovery-interval:30s}")
    void launchForgotten() {
        if (!backend.enabled()) {
            return;
        }
        List<UUID> forgotten;
        try {
            forgotten = jdbc.queryForList("""
                    SELECT e.id FROM experiment e JOIN study s ON s.id = e.study_id
                     WHERE e.status = 'QUEUED' AND s.status = 'RUNNING' AND s.backend = ?
                       AND e.created_at < now() - make_interval(secs => ?)
                     ORDER BY e.created_at LIMIT ?
                    """, UUID.class, ProcessBackend.NAME, settings.recoveryInterval().toMillis() / 1000.0, BATCH);
        } catch (RuntimeException e) {
            log.warn("Could not look for process experiments left queued: {}", e.getMessage());
            return;
        }
        for (UUID id : forgotten) {
            if (backend.handles(id)) {
                continue;
            }
            try {
                log.info("Experiment {} was left QUEUED without a process (its launch was lost); starting it", id);
                backend.launch(request(id));
            } catch (RuntimeException e) {
                log.warn("Could not start forgotten experiment {}: {}", id, e.getMessage());
            }
        }
    }

    private LaunchRequest request(UUID id) {
        LeasedExperiment experiment = protocol.describe(new ExperimentId(id));
        BaseExperiment base = bases.findOfStudy(experiment.studyId()).orElseThrow();
        return new LaunchRequest(id, experiment.studyId(), experiment.name(), base.command(),
                base.workingDirectory(), base.environment(), experiment.parameters(), experiment.maxIteration());
    }
}
