package dev.hpo.queue.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the worker protocol. */
final class WorkerRequests {

    private WorkerRequests() {
    }

    /** Who asks: any stable name the worker chooses (host, pid, pod name). */
    record WorkerIdentity(@NotBlank @Size(max = 255) String workerId) {
    }

    /** One metric point; every field is required. */
    record Scalar(String title, String series, Long iteration, Double value) {
    }

    /** A complete's optional body: the experiment's last metric points, stored before it completes. */
    record Completion(List<Scalar> scalars) {
    }

    /** Why the experiment failed (optional, kept up to 10,000 characters). */
    record Failure(@Size(max = 10_000) String message) {
    }
}
