package dev.hpo.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;

import dev.hpo.testsupport.Http;

import tools.jackson.databind.JsonNode;

/**
 * Simulated HTTP workers: each thread leases from a queue, reports {@code iterations} points of the objective
 * (the function's value at the experiment's parameters, at every iteration) and completes the experiment,
 * stopping early when the service answers {@code stop}.
 */
public final class Workers implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    public final AtomicInteger completed = new AtomicInteger();
    public final AtomicInteger stopped = new AtomicInteger();
    public final AtomicInteger errors = new AtomicInteger();
    /** How many experiments the workers held at once, at most. */
    public final AtomicInteger maxHeld = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    public final Map<String, Double> objectiveByExperiment = new ConcurrentHashMap<>();

    /**
     * Behaviour of one worker per experiment. Without a {@code curve} it reports the objective's value at
     * iterations 0 .. iterations-1; with one, the curve's value at iterations 1 .. iterations (a learning curve
     * whose last point is the experiment's result).
     */
    public record Job(String title, String series, int iterations, long pauseNanosPerIteration,
                      ToDoubleFunction<JsonNode> objective, Curve curve) {

        public Job(String title, String series, int iterations, long pauseNanosPerIteration,
                   ToDoubleFunction<JsonNode> objective) {
            this(title, series, iterations, pauseNanosPerIteration, objective, null);
        }

        /** A job that reports {@code curve} at iterations 1 .. iterations. */
        public static Job learningCurve(String title, String series, int iterations, long pauseNanosPerIteration,
                                        Curve curve) {
            return new Job(title, series, iterations, pauseNanosPerIteration, p -> curve.at(p, iterations), curve);
        }
    }

    /** The value an experiment with these parameters reports at an iteration. */
    @FunctionalInterface
    public interface Curve {
        double at(JsonNode parameters, long iteration);
    }

    public Workers(Http http, String queue, int count, Job job) {
        for (int i = 0; i < count; i++) {
            String workerId = "worker-" + i;
            Thread thread = new Thread(() -> work(http, queue, workerId, job), "test-" + workerId);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void work(Http http, String queue, String workerId, Job job) {
        while (running.get()) {
            try {
                JsonNode experiment = http.lease(queue, workerId);
                if (experiment == null) {
                    LockSupport.parkNanos(2_000_000);
                    continue;
                }
                int now = held.incrementAndGet();
                maxHeld.accumulateAndGet(now, Math::max);
                try {
                    run(http, experiment, job);
                } finally {
                    held.decrementAndGet();
                }
            } catch (RuntimeException e) {
                if (running.get()) {
                    errors.incrementAndGet();
                }
            }
        }
    }

    private void run(Http http, JsonNode experiment, Job job) {
        String id = experiment.get("id").asString();
        double value = job.objective().applyAsDouble(experiment.get("parameters"));
        objectiveByExperiment.put(id, value);
        int first = job.curve() == null ? 0 : 1;
        for (int iteration = first; iteration < first + job.iterations(); iteration++) {
            if (job.pauseNanosPerIteration() > 0) {
                LockSupport.parkNanos(job.pauseNanosPerIteration());
            }
            if (!running.get()) {
                return;
            }
            double point = job.curve() == null ? value : job.curve().at(experiment.get("parameters"), iteration);
            if ("stop".equals(http.report(id, job.title(), job.series(), iteration, point))) {
                stopped.incrementAndGet();
                return;
            }
        }
        if (http.complete(id).status() / 100 == 2) {
            completed.incrementAndGet();
        }
    }

    /** Stops every worker where it is (as if their machines went away) and waits for the threads. */
    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
