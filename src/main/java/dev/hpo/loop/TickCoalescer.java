package dev.hpo.loop;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs ticks per study so that requests coalesce: a study has at most one tick running and one waiting. A
 * request while none is waiting schedules one; a request while one is already waiting is absorbed by it. So
 * a burst of a hundred scalar reports costs one or two ticks, and ticks of one study never overlap.
 */
final class TickCoalescer {

    private enum State { SCHEDULED, RUNNING, RUNNING_AND_SCHEDULED }

    private final ConcurrentHashMap<UUID, State> states = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final Consumer<UUID> tick;

    TickCoalescer(ExecutorService executor, Consumer<UUID> tick) {
        this.executor = executor;
        this.tick = tick;
    }

    /** Asks for a tick of the study as soon as a thread is free; true when this request scheduled a new run. */
    boolean request(UUID studyId) {
        boolean[] submit = {false};
        states.compute(studyId, (id, state) -> {
            if (state == null) {
                submit[0] = true;
                return State.SCHEDULED;
            }
            return state == State.RUNNING ? State.RUNNING_AND_SCHEDULED : state;
        });
        if (submit[0]) {
            submit(studyId);
        }
        return submit[0];
    }

    private void submit(UUID studyId) {
        try {
            executor.execute(() -> run(studyId));
        } catch (RejectedExecutionException e) {
            states.remove(studyId); // shutting down
        }
    }

    private void run(UUID studyId) {
        states.put(studyId, State.RUNNING);
        try {
            tick.accept(studyId);
        } finally {
            boolean[] again = {false};
            states.compute(studyId, (id, state) -> {
                if (state == State.RUNNING_AND_SCHEDULED) {
                    again[0] = true;
                    return State.SCHEDULED;
                }
                return null;
            });
            if (again[0]) {
                submit(studyId);
            }
        }
    }

    /** Studies with a tick running or waiting. */
    int busy() {
        return states.size();
    }
}
