package dev.hpo.study.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hpo.shared.StudyId;
import dev.hpo.study.EarlyStopping;
import dev.hpo.study.Study;
import dev.hpo.study.StudyProgress;
import dev.hpo.study.StudyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

/** Changing a study's time limit, report period and backend; reading its optimizer and its report. */
@RestController
@RequestMapping("/api/v1/studies/{id}")
@Tag(name = "studies")
class StudySettingsController {

    private final StudyService service;

    StudySettingsController(StudyService service) {
        this.service = service;
    }

    /** The strategy with its settings, seed and saved state, and the early-stopping rule ({@code get_optimizer}). */
    record OptimizerResponse(String strategy, Map<String, Object> settings, long seed, Map<String, Object> state,
                             EarlyStopping earlyStopping) {
    }

    @Operation(summary = "Change the optimization time limit",
            description = "inMinutes from now (a study not started yet: from its start) or an absolute specificTime; "
                    + "409 once the study has ended.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "409", description = "The study has ended")
    @ApiResponse(responseCode = "422", description = "specificTime is not in the future")
    @PutMapping("/time-limit")
    StudyProgress timeLimit(@PathVariable UUID id, @Valid @RequestBody StudyRequests.TimeLimit body) {
        StudyId studyId = new StudyId(id);
        service.changeTimeLimit(studyId, body.inMinutes(), body.specificTime());
        return service.progress(studyId);
    }

    @Operation(summary = "Change the report period", description = "409 once the study has ended.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "409", description = "The study has ended")
    @PutMapping("/report-period")
    StudyResponse reportPeriod(@PathVariable UUID id, @Valid @RequestBody StudyRequests.ReportPeriod body) {
        return StudyResponse.of(service.changeReportPeriod(new StudyId(id), body.reportPeriodMinutes()));
    }

    @Operation(summary = "Choose the backend (and queue)",
            description = "Only before start (409 after); 422 for an unknown or disabled backend, or for process "
                    + "when the base experiment has no command (baseExperiment.command).")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "409", description = "The study has started")
    @ApiResponse(responseCode = "422", description = "Unknown or disabled backend, or one that cannot run the base experiment")
    @PutMapping("/backend")
    StudyResponse backend(@PathVariable UUID id, @Valid @RequestBody StudyRequests.Backend body) {
        return StudyResponse.of(service.changeBackend(new StudyId(id), body.backend(), body.executionQueue()));
    }

    @Operation(summary = "The study's strategy, settings, seed, saved state and early stopping")
    @GetMapping("/optimizer")
    OptimizerResponse optimizer(@PathVariable UUID id) {
        Study s = service.get(new StudyId(id));
        return new OptimizerResponse(s.strategyName(), s.strategySettings(), s.seed(), s.strategyState(),
                s.earlyStopping());
    }

    @Operation(summary = "The latest study report",
            description = "Counters, remaining budget, best so far and the top-k table, written by the loop every "
                    + "report period and at the end; 204 before the first report.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "204", description = "No report yet")
    @GetMapping("/report")
    ResponseEntity<JsonNode> report(@PathVariable UUID id) {
        JsonNode report = service.get(new StudyId(id)).report();
        return report == null || report.isNull() ? ResponseEntity.noContent().build() : ResponseEntity.ok(report);
    }
}
