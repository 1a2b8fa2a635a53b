package dev.hpo.queue.web;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import dev.hpo.queue.LeasedExperiment;
import dev.hpo.queue.QueueWaiters;
import dev.hpo.queue.WorkerProtocol;
import dev.hpo.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Workers lease experiments from named queues, at once or with a long poll that holds no server thread. */
@RestController
@RequestMapping("/api/v1/queues")
@Validated
@Tag(name = "worker protocol")
class QueueController {

    private final WorkerProtocol protocol;
    private final QueueWaiters waiters;

    QueueController(WorkerProtocol protocol, QueueWaiters waiters) {
        this.protocol = protocol;
        this.waiters = waiters;
    }

    @Operation(summary = "Lease the oldest queued experiment of a queue",
            description = "200 with the experiment (it is now RUNNING on this worker; heartbeat every "
                    + "heartbeatIntervalSeconds), or 204 when the queue has nothing to run. With waitSeconds the "
                    + "answer waits up to that long for an experiment and comes as soon as one is queued (a long "
                    + "poll: an idle worker needs no polling interval); without it, or 0, it answers at once.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "204", description = "Nothing to run in this queue (within waitSeconds)")
    @PostMapping("/{queue}/lease")
    DeferredResult<ResponseEntity<LeasedExperiment>> lease(
            @PathVariable @Size(max = 255) @Pattern(regexp = "[^\\s]+", message = "must not contain blanks") String queue,
            @Parameter(description = "Seconds to wait for an experiment when the queue is empty (0 to 60, default 0)")
            @RequestParam(defaultValue = "0") @DecimalMin("0") @DecimalMax("60") double waitSeconds,
            @Valid @RequestBody WorkerRequests.WorkerIdentity body) {
        Caller caller = Caller.current();
        // the lease records the token, so a worker token may then read this experiment while it holds it
        return LeasePoll.lease(protocol, waiters, queue, body.workerId(), caller == null ? null : caller.tokenId(),
                Math.round(waitSeconds * 1000));
    }
}
