package dev.hpo.study.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.experiment.ExperimentTable;
import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.shared.InvalidInputException;
import dev.hpo.shared.StudyId;
import dev.hpo.shared.UnusableInputException;
import dev.hpo.shared.web.PageResponse;
import dev.hpo.study.RankedExperiment;
import dev.hpo.study.StudyResults;
import dev.hpo.study.StudyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A study's rankings and its experiments. */
@RestController
@RequestMapping("/api/v1/studies/{id}")
@Tag(name = "results")
class StudyResultsController {

    private final StudyResults results;
    private final StudyService studies;

    private final ExperimentTable experimentTable;

    StudyResultsController(StudyResults results, StudyService studies, ExperimentTable experimentTable) {
        this.results = results;
        this.studies = studies;
        this.experimentTable = experimentTable;
    }

    /** An experiment in a study's list, with the value of each study objective it has reported (else null). */
    record StudyExperiment(UUID id, int number, String name, ExperimentStatus status, String stopReason,
                           Map<String, Object> parameters, List<Double> objectiveValues, boolean archived,
                           String workerId, Instant createdAt, Instant startedAt, Instant endedAt) {
    }

    @Operation(summary = "Top experiments by the study's objectives",
            description = "Ended (COMPLETED or ABORTED) experiments that reported every objective, best first; "
                    + "RUNNING ones too with includeRunning=true. Several objectives rank by Pareto front, then "
                    + "crowding distance.")
    @GetMapping("/top-experiments")
    List<RankedExperiment> top(@PathVariable UUID id,
                               @RequestParam(defaultValue = "10") @Min(1) @Max(10_000) int topK,
                               @RequestParam(defaultValue = "false") boolean includeRunning) {
        return results.top(new StudyId(id), topK, includeRunning);
    }

    @Operation(summary = "Top experiments by any metric and sign",
            description = "The seed's get_optimizer_top_experiments: sign min, max, min_global or max_global.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "422", description = "Unknown sign")
    @GetMapping("/top-experiments/by-metric")
    List<RankedExperiment> topByMetric(@PathVariable UUID id,
                                       @RequestParam @NotBlank @Size(max = 255) String title,
                                       @RequestParam @NotBlank @Size(max = 255) String series,
                                       @RequestParam @NotBlank String sign,
                                       @RequestParam(defaultValue = "10") @Min(1) @Max(10_000) int topK,
                                       @RequestParam(defaultValue = "false") boolean includeRunning) {
        Sign parsed;
        try {
            parsed = Sign.fromJson(sign);
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException("sign", e.getMessage());
        }
        return results.topByMetric(new StudyId(id), title, series, parsed, topK, includeRunning);
    }

    @Operation(summary = "The Pareto front of the study's objectives",
            description = "Experiments no other ranked experiment dominates, in creation order.")
    @GetMapping("/pareto-front")
    List<RankedExperiment> paretoFront(@PathVariable UUID id,
                                       @RequestParam(defaultValue = "false") boolean includeRunning) {
        return results.paretoFront(new StudyId(id), includeRunning);
    }

    @Operation(summary = "A study's experiments, paged, filtered by status and sorted",
            description = "status: one or more of QUEUED, RUNNING, COMPLETED, FAILED, ABORTED (repeated or "
                    + "comma-separated; all when absent); active=true is status=QUEUED,RUNNING. sort: number (default), "
                    + "status, createdAt, startedAt, endedAt, duration, worker, objective (the first objective's value) "
                    + "or objective:<index>, optionally followed by ,asc or ,desc; values missing sort last, ties by "
                    + "number. One query per page with each objective's value: fine for 100,000 experiments.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", description = "Unknown status or sort")
    @ApiResponse(responseCode = "404", description = "Unknown study")
    @GetMapping("/experiments")
    PageResponse<StudyExperiment> experiments(@PathVariable UUID id,
                                              @RequestParam(defaultValue = "false") boolean active,
                                              @RequestParam(required = false) @Size(max = 5) List<@Size(max = 20) String> status,
                                              @RequestParam(defaultValue = "number") @Size(max = 40) String sort,
                                              @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        StudyId studyId = new StudyId(id);
        List<Objective> objectives = studies.get(studyId).objectives();
        Set<ExperimentStatus> statuses = StatusFilter.parse(status);
        if (active) {
            if (statuses.isEmpty()) {
                statuses.addAll(EnumSet.of(ExperimentStatus.QUEUED, ExperimentStatus.RUNNING));
            } else {
                statuses.retainAll(EnumSet.of(ExperimentStatus.QUEUED, ExperimentStatus.RUNNING));
                if (statuses.isEmpty()) {
                    throw new InvalidInputException("status", "active=true keeps only QUEUED and RUNNING");
                }
            }
        }
        ExperimentTable.Sort order = ExperimentSort.parse(sort, objectives.size());
        var rows = experimentTable.page(id, objectives, statuses, order, page, size);
        return PageResponse.of(rows, r -> new StudyExperiment(r.id(), r.number(), r.name(), r.status(), r.stopReason(),
                r.parameters(), r.objectiveValues(), r.archived(), r.workerId(), r.createdAt(), r.startedAt(),
                r.endedAt()));
    }
}
