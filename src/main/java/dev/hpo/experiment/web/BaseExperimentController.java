package dev.hpo.experiment.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hpo.experiment.BaseExperiment;
import dev.hpo.experiment.BaseExperimentId;
import dev.hpo.experiment.BaseExperimentService;
import dev.hpo.experiment.NewBaseExperiment;
import dev.hpo.security.Caller;
import dev.hpo.shared.ForbiddenException;
import dev.hpo.shared.InputLimits;
import dev.hpo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Base experiments: the templates studies clone their experiments from. */
@RestController
@RequestMapping("/api/v1/base-experiments")
@Tag(name = "base experiments")
class BaseExperimentController {

    private final BaseExperimentService service;

    BaseExperimentController(BaseExperimentService service) {
        this.service = service;
    }

    /**
     * @param parameters       default parameter values (a study overrides the ones its space names)
     * @param command          argv for the process backend, never a shell string; leave out for queue workers
     * @param workingDirectory where the process backend runs it (default: the service's)
     * @param environment      extra environment variables for the process backend
     */
    record CreateBaseExperiment(@NotBlank @Size(max = 255) String name, @Size(max = 255) String project,
                         @Schema(description = "At most 1,000 parameters with names of at most 200 characters",
                                 maxProperties = InputLimits.MAX_PARAMETERS)
                         @Size(max = InputLimits.MAX_PARAMETERS) Map<String, Object> parameters,
                         @Size(min = 1, max = 1000) List<@NotBlank @Size(max = 10_000) String> command,
                         @Size(max = 4096) String workingDirectory,
                         @Size(max = 1000) Map<@NotBlank String, @Size(max = 100_000) String> environment) {
    }

    record BaseExperimentResponse(UUID id, String name, String project, Map<String, Object> parameters,
                                  List<String> command, String workingDirectory, Map<String, String> environment,
                                  Instant createdAt) {
        static BaseExperimentResponse of(BaseExperiment b) {
            return new BaseExperimentResponse(b.id().value(), b.name(), b.project(), b.parameters(), b.command(),
                    b.workingDirectory(), b.environment(), b.createdAt());
        }
    }

    @Operation(summary = "Register a base experiment",
            description = "A base experiment with a command (run on the service's host by the process backend) "
                    + "needs an admin token; without one it needs user.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "403", description = "A command needs an admin token")
    @PostMapping
    ResponseEntity<BaseExperimentResponse> create(@Valid @RequestBody CreateBaseExperiment body) {
        if (body.command() != null && !Caller.currentIsAdmin()) {
            throw new ForbiddenException("command",
                    "a base experiment with a command runs it on the service's host: that needs an admin token");
        }
        BaseExperiment created = service.create(new NewBaseExperiment(body.name(), body.project(), body.parameters(),
                body.command(), body.workingDirectory(), body.environment()));
        return ResponseEntity.created(URI.create("/api/v1/base-experiments/" + created.id()))
                .body(BaseExperimentResponse.of(created));
    }

    @Operation(summary = "Read a base experiment")
    @GetMapping("/{id}")
    BaseExperimentResponse get(@PathVariable UUID id) {
        return BaseExperimentResponse.of(service.get(new BaseExperimentId(id)));
    }

    @Operation(summary = "List base experiments, newest first")
    @GetMapping
    PageResponse<BaseExperimentResponse> list(@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                              @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
        return PageResponse.of(service.list(page, size), BaseExperimentResponse::of);
    }
}
