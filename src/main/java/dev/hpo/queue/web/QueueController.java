package dev.hpo.queue.web;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hpo.queue.LeasedExperiment;
import dev.hpo.queue.WorkerProtocol;
import dev.hpo.security.Caller;
import dev.hpo.security.LeaseHolders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Workers lease experiments from named queues. */
@RestController
@RequestMapping("/api/v1/queues")
@Validated
@Tag(name = "worker protocol")
class QueueController {

    private final WorkerProtocol protocol;
    private final LeaseHolders holders;

    QueueController(WorkerProtocol protocol, LeaseHolders holders) {
        this.protocol = protocol;
        this.holders = holders;
    }

    @Operation(summary = "Lease the oldest queued experiment of a queue",
            description = "200 with the experiment (it is now RUNNING on this worker; heartbeat every "
                    + "heartbeatIntervalSeconds), or 204 when the queue has nothing to run.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "204", description = "Nothing to run in this queue")
    @PostMapping("/{queue}/lease")
    ResponseEntity<LeasedExperiment> lease(
            @PathVariable @Size(max = 255) @Pattern(regexp = "[^\\s]+", message = "must not contain blanks") String queue,
            @Valid @RequestBody WorkerRequests.WorkerIdentity body) {
        return protocol.lease(queue, body.workerId())
                .map(leased -> {
                    // a worker token may then read this experiment while it holds it
                    holders.record(leased.id(), Caller.current());
                    return ResponseEntity.ok(leased);
                })
                .orElseGet(() -> ResponseEntity.noContent().build());
    }
}
