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
import dev.hpo.experiment.ExperimentListing;
import dev.hpo.experiment.ExperimentReader;
import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.experiment.MetricKey;
import dev.hpo.objective.MetricSummary;
import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.shared.InvalidInputException;
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
import jakarta.validation.constraints.Pattern;
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

    @Operation(summary = "A study's experiments, paged, in creation order unless sorted",
            description = "active=true: only QUEUED and RUNNING; status: only that status. sort: number (default), "
                    + "startedAt, endedAt or objective (the value of objectives[objective] by its sign; experiments "
                    + "without one last in either order); order asc (default) or desc.")
    @GetMapping("/experiments")
    PageResponse<StudyExperiment> experiments(@PathVariable UUID id,
                                              @RequestParam(defaultValue = "false") boolean active,
                                              @RequestParam(required = false) ExperimentStatus status,
                                              @RequestParam(defaultValue = "number")
                                              @Pattern(regexp = "^(number|startedAt|endedAt|objective)$") String sort,
                                              @RequestParam(defaultValue = "asc") @Pattern(regexp = "^(asc|desc)$") String order,
                                              @RequestParam(defaultValue = "0") @Min(0) @Max(15) int objective,
                                              @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        StudyId studyId = new StudyId(id);
        List<Objective> objectives = studies.get(studyId).objectives();
        if (objective >= objectives.size()) {
            throw new InvalidInputException("objective", "the study has " + objectives.size() + " objective(s)");
        }
        ExperimentListing.Order by = switch (sort) {
            case "startedAt" -> ExperimentListing.Order.STARTED_AT;
            case "endedAt" -> ExperimentListing.Order.ENDED_AT;
            case "objective" -> ExperimentListing.Order.OBJECTIVE;
            default -> ExperimentListing.Order.NUMBER;
        };
        var pageOf = experiments.ofStudy(new ExperimentListing.Query(id, status, active, by, "desc".equals(order),
                objectives.get(objective), page, size));
        Map<UUID, Map<MetricKey, MetricSummary>> summaries = new HashMap<>();
        List<UUID> ids = pageOf.getContent().stream().map(e -> e.id().value()).toList();
        for (ExperimentMetric m : experiments.summariesOf(ids)) {
            summaries.computeIfAbsent(m.experimentId(), k -> new HashMap<>()).put(m.key(), m.summary());
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
