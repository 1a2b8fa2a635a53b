package dev.hpo.experiment.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hpo.experiment.Experiment;
import dev.hpo.experiment.ExperimentAborts;
import dev.hpo.experiment.ExperimentId;
import dev.hpo.experiment.ExperimentReader;
import dev.hpo.experiment.ExperimentStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

/** One experiment with its metric summaries and scalar points; aborting one experiment. */
@RestController
@RequestMapping("/api/v1/experiments")
@Tag(name = "experiments")
class ExperimentController {

    private final ExperimentReader reader;
    private final ExperimentAborts aborts;

    ExperimentController(ExperimentReader reader, ExperimentAborts aborts) {
        this.reader = reader;
        this.aborts = aborts;
    }

    record MetricSummaryResponse(String title, String series, double lastValue, long lastIteration, double minValue, double maxValue,
                  long count) {
    }

    record ScalarPointResponse(String title, String series, long iteration, double value, Instant reportedAt) {
    }

    record ExperimentResponse(UUID id, UUID studyId, int number, String name, String project,
                              Map<String, Object> parameters, ExperimentStatus status, String stopReason,
                              String failureMessage, boolean archived, String queue, Long maxIteration,
                              String workerId, Instant workerLeaseExpiresAt, Instant createdAt, Instant startedAt,
                              Instant endedAt, int retries, List<MetricSummaryResponse> metrics,
                              List<ScalarPointResponse> scalars) {
    }

    @Operation(summary = "Read an experiment with its metrics and scalars",
            description = "metrics: one summary per title/series (last value and iteration, min, max, count); "
                    + "scalars: every point, optionally only those of one title and/or series.")
    @GetMapping("/{id}")
    ExperimentResponse get(@PathVariable UUID id,
                           @RequestParam(required = false) @Size(max = 255) String title,
                           @RequestParam(required = false) @Size(max = 255) String series) {
        return response(reader.details(new ExperimentId(id), title, series));
    }

    @Operation(summary = "Abort one experiment",
            description = "A QUEUED or RUNNING experiment becomes ABORTED with stop reason stopped_by_user: its "
                    + "queue worker is told stop on its next heartbeat or report, a process backend's child process "
                    + "is killed, and the study fills the freed slot with a new experiment. The strategy sees it as "
                    + "ended without a result (failed). An experiment already ABORTED is answered unchanged; a "
                    + "COMPLETED or FAILED one is a 409 problem.")
    @ApiResponse(responseCode = "200", description = "OK: the experiment, ABORTED")
    @ApiResponse(responseCode = "404", description = "Unknown experiment")
    @ApiResponse(responseCode = "409", description = "The experiment is COMPLETED or FAILED")
    @PostMapping("/{id}/abort")
    ExperimentResponse abort(@PathVariable UUID id) {
        ExperimentId experimentId = new ExperimentId(id);
        aborts.abortByUser(experimentId);
        return response(reader.details(experimentId, null, null));
    }

    private static ExperimentResponse response(ExperimentReader.Details d) {
        Experiment e = d.experiment();
        return new ExperimentResponse(e.id().value(), e.studyId().value(), e.number(), e.name(), e.project(),
                e.parameters(), e.status(), e.stopReason(), e.failureMessage(), e.archived(), e.queue(),
                e.maxIteration(), e.workerId(), e.workerLeaseExpiresAt(), e.createdAt(), e.startedAt(), e.endedAt(),
                e.retries(),
                d.metrics().stream().map(m -> new MetricSummaryResponse(m.title(), m.series(), m.summary().last(),
                        m.summary().lastIteration(), m.summary().min(), m.summary().max(), m.summary().count())).toList(),
                d.scalars().stream().map(s -> new ScalarPointResponse(s.title(), s.series(), s.iteration(), s.value(),
                        s.reportedAt())).toList());
    }
}
