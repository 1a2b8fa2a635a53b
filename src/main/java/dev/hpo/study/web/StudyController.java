package dev.hpo.study.web;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hpo.shared.StudyId;
import dev.hpo.shared.web.PageResponse;
import dev.hpo.study.StudyProgress;
import dev.hpo.study.StudyService;
import dev.hpo.study.StudyStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Creating, listing, reading and starting studies, and their status. */
@RestController
@RequestMapping("/api/v1/studies")
@Tag(name = "studies")
class StudyController {

    private final StudyService service;

    StudyController(StudyService service) {
        this.service = service;
    }

    @Operation(summary = "Create a study",
            description = "400 for malformed input (with errors), 404 for an unknown baseExperimentId, 422 for a "
                    + "search space, strategy, early-stopping rule, objective or backend the service cannot use (the process "
                    + "backend needs a base experiment with a command: baseExperiment.command).")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "404", description = "Unknown baseExperimentId")
    @ApiResponse(responseCode = "422", description = "Unusable space, strategy, early stopping, objectives or backend, "
            + "or a process study whose base experiment has no command")
    @PostMapping
    ResponseEntity<StudyResponse> create(@Valid @RequestBody StudyRequests.CreateStudy body) {
        StudyResponse created = StudyResponse.of(service.create(body.toDraft()));
        return ResponseEntity.created(URI.create("/api/v1/studies/" + created.id())).body(created);
    }

    @Operation(summary = "List studies, newest first, optionally by status")
    @GetMapping
    PageResponse<StudyResponse> list(@RequestParam(required = false) StudyStatus status,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
        return PageResponse.of(service.list(status, page, size), StudyResponse::of);
    }

    @Operation(summary = "Read a study")
    @GetMapping("/{id}")
    StudyResponse get(@PathVariable UUID id) {
        return StudyResponse.of(service.get(new StudyId(id)));
    }

    @Operation(summary = "Start a study", description = "CREATED -> RUNNING; 409 in any other status. The "
            + "optimization time limit counts from here.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "409", description = "The study is not CREATED")
    @ApiResponse(responseCode = "422", description = "The jobCompleteCallbackUrl is refused: its host resolves to a "
            + "loopback, link-local, private, multicast or unspecified address that hpo.webhook.allowed-hosts does "
            + "not name, or does not resolve")
    @PostMapping("/{id}/start")
    StudyResponse start(@PathVariable UUID id, @Valid @RequestBody(required = false) StudyRequests.Start body) {
        return StudyResponse.of(service.start(new StudyId(id), body == null ? null : body.jobCompleteCallbackUrl()));
    }

    @Operation(summary = "Status of a study", description = "elapsedMinutes (-1 before start), active, running, "
            + "reachedTimeLimit, timeLimit, activeExperiments and counters by experiment status.")
    @GetMapping("/{id}/status")
    StudyProgress status(@PathVariable UUID id) {
        return service.progress(new StudyId(id));
    }
}
