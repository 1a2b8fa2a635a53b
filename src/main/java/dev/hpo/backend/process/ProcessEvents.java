package dev.hpo.backend.process;

import java.util.List;
import java.util.UUID;

/**
 * What the process backend tells the experiment service about a child process: the same moves an HTTP worker
 * makes (start, heartbeat, scalars, complete, fail). Implementations run each call in its own transaction and may
 * throw when the experiment has meanwhile ended (the backend logs that and goes on).
 */
public interface ProcessEvents {

    /** The service's answer to a heartbeat or a scalar: go on, or stop because the experiment was ended. */
    enum Directive { CONTINUE, STOP }

    /**
     * Moves a QUEUED experiment to RUNNING under {@code workerId} with a fresh lease.
     *
     * @return false when the experiment can no longer start (it ended meanwhile): the process is not started
     */
    boolean started(UUID experimentId, String workerId);

    /** Renews the experiment's lease while its process lives. */
    Directive heartbeat(UUID experimentId);

    /** Records scalar points (idempotent per title, series and iteration); also renews the lease. */
    Directive scalars(UUID experimentId, List<ReportedScalar> scalars);

    /** The process exited with code 0. */
    void completed(UUID experimentId, String outputTail);

    /**
     * The process of an experiment the service had already ended (abort, stop answer) exited: only its output is
     * kept, the experiment's end stands.
     */
    void stopped(UUID experimentId, String outputTail);

    /** The process exited with another code, or could not start; {@code message} says which and why. */
    void failed(UUID experimentId, String message, String outputTail);
}
