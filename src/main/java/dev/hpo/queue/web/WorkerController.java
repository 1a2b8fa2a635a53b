package dev.hpo.queue.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hpo.experiment.ExperimentId;
import dev.hpo.experiment.ScalarPoint;
import dev.hpo.queue.ExperimentOutcome;
import dev.hpo.queue.WorkerAction;
import dev.hpo.queue.WorkerProtocol;
import dev.hpo.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** A worker's calls about the experiment it runs. */
@RestController
@RequestMapping("/api/v1/experiments/{id}")
@Tag(name = "worker protocol")
class WorkerController {

    private final WorkerProtocol protocol;

    WorkerController(WorkerProtocol protocol) {
        this.protocol = protocol;
    }

    @Operation(summary = "Renew the worker's lease",
            description = "continue, or stop (with the reason) when the experiment was aborted; 409 when it "
                    + "completed or failed, is not leased, or is leased by another worker.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "409", description = "Late or out-of-turn call: the problem carries the experiment's status")
    @PostMapping("/heartbeat")
    WorkerAction heartbeat(@PathVariable UUID id, @Valid @RequestBody WorkerRequests.WorkerIdentity body) {
        return protocol.heartbeat(new ExperimentId(id), body.workerId());
    }

    @Operation(summary = "Report scalar points",
            description = "Points already stored (same title, series, iteration) are ignored, so a retried report "
                    + "is harmless. Renews the lease. Answers continue, or stop when the experiment was aborted "
                    + "(the points are then not stored); 409 when it completed or failed.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "409", description = "Late or out-of-turn call: the problem carries the experiment's status")
    @PostMapping("/scalars")
    WorkerAction scalars(@PathVariable UUID id, @RequestBody List<WorkerRequests.Scalar> body) {
        return protocol.reportScalars(new ExperimentId(id), points(body, ""));
    }

    @Operation(summary = "Mark the experiment completed",
            description = "Optionally with the experiment's last metric points (body {\"scalars\": [...]}, the "
                    + "points of a scalar report): they are stored first, in the same transaction, so one call ends "
                    + "an experiment with its result. Repeating it on a completed experiment answers 200 with the "
                    + "same body (points are then not stored); 409 otherwise.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "409", description = "Late or out-of-turn call: the problem carries the experiment's status")
    @PostMapping("/complete")
    ExperimentOutcome complete(@PathVariable UUID id,
                               @RequestBody(required = false) WorkerRequests.Completion body) {
        List<ScalarPoint> points = body == null || body.scalars() == null ? List.of() : points(body.scalars(), "scalars");
        return protocol.complete(new ExperimentId(id), points);
    }

    @Operation(summary = "Mark the experiment failed",
            description = "Repeating it on a failed experiment answers 200 with the same body; 409 otherwise.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "409", description = "Late or out-of-turn call: the problem carries the experiment's status")
    @PostMapping("/fail")
    ExperimentOutcome fail(@PathVariable UUID id, @Valid @RequestBody(required = false) WorkerRequests.Failure body) {
        return protocol.fail(new ExperimentId(id), body == null ? null : body.message());
    }

    /** The points of a request body, every field checked ({@code field}: where the list sits in the body). */
    private static List<ScalarPoint> points(List<WorkerRequests.Scalar> body, String field) {
        List<ScalarPoint> points = new ArrayList<>(body.size());
        List<InvalidInputException.FieldError> missing = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            WorkerRequests.Scalar s = body.get(i);
            if (s == null) {
                missing.add(new InvalidInputException.FieldError(field + "[" + i + "]", "must be an object"));
                continue;
            }
            require(missing, field, i, "title", s.title());
            require(missing, field, i, "series", s.series());
            require(missing, field, i, "iteration", s.iteration());
            require(missing, field, i, "value", s.value());
            if (s.title() != null && s.series() != null && s.iteration() != null && s.value() != null) {
                points.add(new ScalarPoint(s.title(), s.series(), s.iteration(), s.value()));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        return points;
    }

    private static void require(List<InvalidInputException.FieldError> errors, String list, int index, String name,
                                Object value) {
        if (value == null) {
            errors.add(new InvalidInputException.FieldError(list + "[" + index + "]." + name, "is required"));
        }
    }
}
