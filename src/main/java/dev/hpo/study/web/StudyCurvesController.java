package dev.hpo.study.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.experiment.StudyCurves;
import dev.hpo.shared.StudyId;
import dev.hpo.shared.web.PageResponse;
import dev.hpo.study.StudyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The metrics a study's experiments report and their learning curves, many experiments per call. */
@RestController
@RequestMapping("/api/v1/studies/{id}")
@Tag(name = "results")
class StudyCurvesController {

    private final StudyService studies;
    private final StudyCurves curves;

    StudyCurvesController(StudyService studies, StudyCurves curves) {
        this.studies = studies;
        this.curves = curves;
    }

    /** A metric and how many experiments reported it. */
    record MetricResponse(String title, String series, long experiments) {
    }

    /** One experiment's curve of the metric: iterations[i] goes with values[i]. */
    record CurveResponse(UUID experimentId, int number, ExperimentStatus status, String stopReason, long pointCount,
                         List<Long> iterations, List<Double> values) {
    }

    /** The curves of one page of experiments. */
    record CurvesResponse(String title, String series, int maxPoints, PageResponse<CurveResponse> experiments) {
    }

    @Operation(summary = "The metrics (title/series) a study's experiments reported",
            description = "From the per-metric summaries, with how many experiments reported each.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "Unknown study")
    @GetMapping("/metrics")
    List<MetricResponse> metrics(@PathVariable UUID id) {
        studies.get(new StudyId(id));
        return curves.metrics(id).stream().map(m -> new MetricResponse(m.title(), m.series(), m.experiments())).toList();
    }

    @Operation(summary = "Learning curves of one metric for many experiments",
            description = "The experiments (in number order, paged: size at most 1,000) that reported title/series, "
                    + "optionally only those with the given statuses, each with its points of the metric in "
                    + "iteration order, thinned evenly to at most maxPoints (default 200, 2 to 5,000; first and last "
                    + "point kept; pointCount is how many there are).")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", description = "Missing title or series, unknown status, bounds")
    @ApiResponse(responseCode = "404", description = "Unknown study")
    @GetMapping("/scalars")
    CurvesResponse scalars(@PathVariable UUID id,
                           @RequestParam @NotBlank @Size(max = 255) String title,
                           @RequestParam @NotBlank @Size(max = 255) String series,
                           @RequestParam(required = false) @Size(max = 5) List<@Size(max = 20) String> status,
                           @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                           @RequestParam(defaultValue = "200") @Min(2) @Max(5000) int maxPoints) {
        studies.get(new StudyId(id));
        Set<ExperimentStatus> statuses = StatusFilter.parse(status);
        var page0 = curves.curves(id, title, series, statuses, page, size, maxPoints);
        return new CurvesResponse(title, series, maxPoints, PageResponse.of(page0, c -> new CurveResponse(
                c.experimentId(), c.number(), c.status(), c.stopReason(), c.pointCount(),
                java.util.Arrays.stream(c.iterations()).boxed().toList(),
                java.util.Arrays.stream(c.values()).boxed().toList())));
    }
}
