package dev.hpo.study.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hpo.experiment.Experiment;
import dev.hpo.experiment.ExperimentMetric;
import dev.hpo.experiment.ExperimentReader;
import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.experiment.MetricKey;
import dev.hpo.objective.MetricSummary;
import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.shared.UnusableInputException;
import dev.hpo.shared.web.PageResponse;
import dev.hpo.study.RankedExperiment;
import dev.hpo.study.StudyId;
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
    private final ExperimentReader experiments;

    StudyResultsController(StudyResults results, StudyService studies, ExperimentReader experiments) {
        this.results = results;
        this.studies = studies;
        this.experiments = experiments;
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

    @Operation(summary = "A study's experiments in creation order", description = "active=true: only QUEUED and RUNNING.")
    @GetMapping("/experiments")
    PageResponse<StudyExperiment> experiments(@PathVariable UUID id,
                                              @RequestParam(defaultValue = "false") boolean active,
                                              @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        StudyId studyId = new StudyId(id);
        var pageOf = experiments.ofStudy(studyId, active, page, size);
        List<Objective> objectives = studies.get(studyId).objectives();
        Map<UUID, Map<MetricKey, MetricSummary>> summaries = new HashMap<>();
        if (!pageOf.isEmpty()) {
            for (ExperimentMetric m : experiments.summariesOfStudy(studyId)) {
                summaries.computeIfAbsent(m.experimentId(), k -> new HashMap<>()).put(m.key(), m.summary());
            }
        }
        return PageResponse.of(pageOf, e -> view(e, objectives, summaries.getOrDefault(e.id().value(), Map.of())));
    }

    private static StudyExperiment view(Experiment e, List<Objective> objectives, Map<MetricKey, MetricSummary> metrics) {
        List<Double> values = new ArrayList<>(objectives.size());
        for (Objective o : objectives) {
            MetricSummary s = metrics.get(new MetricKey(o.title(), o.series()));
            values.add(s == null ? null : o.valueOf(s));
        }
        return new StudyExperiment(e.id().value(), e.number(), e.name(), e.status(), e.stopReason(), e.parameters(),
                values, e.archived(), e.workerId(), e.createdAt(), e.startedAt(), e.endedAt());
    }
}
