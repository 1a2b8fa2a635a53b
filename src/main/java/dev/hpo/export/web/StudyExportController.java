package dev.hpo.export.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.hpo.export.CsvExportWriter;
import dev.hpo.export.ExperimentExport;
import dev.hpo.export.ExportLayout;
import dev.hpo.export.JsonExportWriter;
import dev.hpo.shared.InvalidInputException;
import dev.hpo.shared.StudyId;
import dev.hpo.space.Parameter;
import dev.hpo.space.ParameterSet;
import dev.hpo.space.SpaceCodec;
import dev.hpo.study.Study;
import dev.hpo.study.StudyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A study's experiments as CSV or JSON, streamed. */
@RestController
@RequestMapping("/api/v1/studies/{id}")
@Tag(name = "results")
class StudyExportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final StudyService studies;
    private final ExperimentExport export;

    StudyExportController(StudyService studies, ExperimentExport export) {
        this.studies = studies;
        this.export = export;
    }

    /** One exported experiment (the JSON format; CSV has the same fields, parameters and objectives flattened). */
    record ExportedExperiment(int number, UUID id, String status, String stopReason,
                              @Schema(description = "parameter name to value") java.util.Map<String, Object> parameters,
                              @Schema(description = "title/series to the objective's value, null where not reported")
                              java.util.Map<String, Double> objectives,
                              java.time.Instant createdAt, java.time.Instant startedAt, java.time.Instant endedAt,
                              Double durationSeconds, String worker) {
    }

    @Operation(summary = "Export a study's experiments (CSV or JSON, streamed)",
            description = "One row per experiment in number order: number, id, status, stopReason, the parameters "
                    + "(one CSV column per parameter name of the search space), each objective's value by its sign "
                    + "(one CSV column per objective, named title/series), createdAt, startedAt, endedAt, "
                    + "durationSeconds, worker. format=csv|json wins over the Accept header (text/csv or "
                    + "application/json; default JSON). Streamed from a database cursor: fine for 100,000 experiments.")
    @ApiResponse(responseCode = "200", description = "The experiments", content = {
            @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(implementation = ExportedExperiment.class))),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "Unknown format")
    @ApiResponse(responseCode = "404", description = "Unknown study")
    @ApiResponse(responseCode = "406", description = "Accept names neither text/csv nor application/json")
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(
            @PathVariable UUID id,
            @io.swagger.v3.oas.annotations.Parameter(description = "csv or json",
                    schema = @Schema(allowableValues = {"csv", "json"}))
            @RequestParam(required = false) String format,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true)
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        boolean csv = csv(format, accept);
        Study study = studies.get(new StudyId(id));
        ExportLayout layout = new ExportLayout(parameterNames(study), study.objectives());
        StreamingResponseBody body = out -> {
            if (csv) {
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                export.export(id, layout, new CsvExportWriter(writer, layout));
            } else {
                export.export(id, layout, new JsonExportWriter(out, layout));
            }
        };
        String file = "study-" + id + (csv ? ".csv" : ".json");
        return ResponseEntity.ok().contentType(csv ? CSV : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(body);
    }

    private static boolean csv(String format, String accept) throws HttpMediaTypeNotAcceptableException {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidInputException("format", "must be csv or json, not '"
                        + (format.length() > 40 ? format.substring(0, 40) + "..." : format) + "'");
            };
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (RuntimeException e) {
            throw new InvalidInputException("Accept", "is not a list of media types");
        }
        types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                return false;
            }
            if (type.isCompatibleWith(CSV)) {
                return true;
            }
        }
        throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON, CSV));
    }

    /** Parameter names in search-space order; a parameter set contributes its keys. */
    private static List<String> parameterNames(Study study) {
        List<String> names = new ArrayList<>();
        for (Parameter p : SpaceCodec.fromJson(study.space()).parameters()) {
            if (p instanceof ParameterSet set) {
                for (var combination : set.combinations()) {
                    for (String key : combination.keySet()) {
                        if (!names.contains(key)) {
                            names.add(key);
                        }
                    }
                }
            } else {
                names.add(p.name());
            }
        }
        return names;
    }
}
