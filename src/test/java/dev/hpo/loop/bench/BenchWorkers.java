package dev.hpo.loop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;

import dev.hpo.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * Zero-cost HTTP workers of one queue, as a real worker runs them: lease (a long poll when {@code leaseWait} is
 * positive, else back-to-back polls 0.2 ms apart), report one scalar, complete; or, with {@code tell}, lease and
 * complete with the scalar in the same call (two calls per experiment instead of three). Records, per worker, the time
 * from sending {@code complete} to its next successful lease, and the time at which every {@code window}-th
 * experiment completed.
 */
final class BenchWorkers {

    /** What one run measured. */
    record Run(int completed, double seconds, List<Long> gapsNanos, long[] windowEndsNanos, double[] sampleAtEnds,
               long startNanos, double sampleAtStart) {

        /** Seconds window {@code w} (0-based) took. */
        double windowSeconds(int w) {
            long from = w == 0 ? startNanos : windowEndsNanos[w - 1];
            return (windowEndsNanos[w] - from) / 1e9;
        }

        /** How much the sampled quantity grew during window {@code w}. */
        double windowSample(int w) {
            return sampleAtEnds[w] - (w == 0 ? sampleAtStart : sampleAtEnds[w - 1]);
        }
    }

    private BenchWorkers() {
    }

    /**
     * Runs until {@code total} experiments completed. {@code sample} (e.g. the seconds the strategy has spent so
     * far) is read at the start and at the end of every window.
     */
    static Run run(Http http, String queue, int workers, int total, int window, double leaseWait, boolean tell,
                   DoubleSupplier sample) throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<Long> gaps = new ConcurrentLinkedQueue<>();
        int windows = window > 0 ? total / window : 0;
        AtomicLongArray windowEnds = new AtomicLongArray(Math.max(1, windows));
        double[] samples = new double[windows];
        CountDownLatch finished = new CountDownLatch(workers);
        AtomicLongArray lastAt = new AtomicLongArray(1);
        double sampleAtStart = sample.getAsDouble();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            String workerId = queue + "-" + w;
            Thread thread = new Thread(() -> {
                long completedAt = -1;
                try {
                    while (done.get() < total) {
                        JsonNode experiment = http.lease(queue, workerId, leaseWait);
                        if (experiment == null) {
                            if (leaseWait <= 0) {
                                LockSupport.parkNanos(200_000);
                            }
                            continue;
                        }
                        if (completedAt > 0) {
                            gaps.add(System.nanoTime() - completedAt);
                        }
                        String id = experiment.get("id").asString();
                        double x = experiment.get("parameters").get("x").asDouble();
                        if (tell) {
                            completedAt = System.nanoTime();
                            http.complete(id, "validation", "loss", 0, x).requireOk();
                        } else {
                            http.report(id, "validation", "loss", 0, x);
                            completedAt = System.nanoTime();
                            http.complete(id).requireOk();
                        }
                        int n = done.incrementAndGet();
                        if (n == total) {
                            lastAt.set(0, System.nanoTime());
                        }
                        if (window > 0 && n % window == 0 && n / window <= windows) {
                            windowEnds.set(n / window - 1, System.nanoTime());
                            samples[n / window - 1] = sample.getAsDouble();
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, "bench-" + workerId);
            thread.setDaemon(true);
            thread.start();
        }
        finished.await();
        // the others may still wait in a long poll after the last experiment: that is no work
        double seconds = (lastAt.get(0) - start) / 1e9;
        long[] ends = new long[windows];
        for (int i = 0; i < windows; i++) {
            ends[i] = windowEnds.get(i);
        }
        return new Run(done.get(), seconds, new ArrayList<>(gaps), ends, samples, start, sampleAtStart);
    }
}
