package dev.hpo.backend.process;

import java.util.UUID;

import org.springframework.stereotype.Service;

/** The output tail of an experiment run by the process backend: live while it runs here, stored once it ended. */
@Service
public class ProcessOutputs {

    private final ProcessBackend backend;
    private final ProcessOutputStore store;

    ProcessOutputs(ProcessBackend backend, ProcessOutputStore store) {
        this.backend = backend;
        this.store = store;
    }

    /**
     * The kept output, or an empty text when there is none (a queue experiment, or one running on another
     * replica).
     *
     * @throws dev.hpo.shared.NotFoundException when there is no such experiment
     */
    public String of(UUID experimentId) {
        String stored = store.find(experimentId).orElse("");
        return backend.output(experimentId).orElse(stored);
    }
}
