package dev.hpo.queue;

/**
 * The answer to a heartbeat or a scalar report: keep going, or stop because the experiment was aborted.
 *
 * @param action {@code continue} or {@code stop}
 * @param reason why it must stop (the experiment's stop reason, e.g. {@code pruned}); null to continue
 */
public record WorkerAction(String action, String reason) {

    public static final WorkerAction CONTINUE = new WorkerAction("continue", null);

    public static WorkerAction stop(String reason) {
        return new WorkerAction("stop", reason);
    }

    public boolean stop() {
        return "stop".equals(action);
    }
}
