package dev.hpo.backend.process.web;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.hpo.backend.process.ProcessOutputs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "experiments")
class ExperimentOutputController {

    private final ProcessOutputs outputs;

    ExperimentOutputController(ProcessOutputs outputs) {
        this.outputs = outputs;
    }

    @Operation(summary = "The output tail of an experiment run by the process backend",
            description = "The last lines of its stdout and stderr (hpo.backend.process.output-limit): live while "
                    + "it runs on this service instance, stored once it ended; empty for queue experiments.")
    @GetMapping(path = "/api/v1/experiments/{id}/output", produces = MediaType.TEXT_PLAIN_VALUE)
    String read(@PathVariable UUID id) {
        return outputs.of(id);
    }
}
