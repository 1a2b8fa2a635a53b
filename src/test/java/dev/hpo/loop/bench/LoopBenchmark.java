package dev.hpo.loop.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;

/**
 * The study loop through the full HTTP worker path, with zero-cost experiments: each worker leases, reports one
 * scalar and completes at once. Starts the whole service on the test database (embedded PostgreSQL when there
 * is no Docker and no {@code TEST_DATABASE_URL}).
 *
 * <p>Phase 1, refill latency: one worker, one slot. The time from sending {@code complete} to the worker's next
 * successful lease is the time the loop takes to notice the end and create the next experiment (plus one lease
 * round trip; the worker polls the queue back to back).
 *
 * <p>Phase 2, throughput: {@code workers} workers, as many slots, {@code jobs} experiments; trials per second.
 *
 * <p>Run: {@code ./mvnw -q -o test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.hpo.loop.bench.LoopBenchmark [-Dexec.args="latencyTrials jobs workers"]}.
 */
public final class LoopBenchmark {

    private LoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int latencyTrials = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        try (TestApp app = TestApp.start(TestDatabase.newDatabase(), "hpo.loop.tick-interval=1s",
                "logging.level.root=ERROR")) {
            String base = app.http.createBaseExperiment("bench");
            warmUp(app, base);

            List<Long> refill = latency(app, base, latencyTrials);
            Collections.sort(refill);
            System.out.printf(Locale.ROOT, "refill latency (complete -> next experiment leased), %d trials, 1 worker: "
                    + "median %.2f ms, p99 %.2f ms, max %.2f ms%n", refill.size(), ms(percentile(refill, 0.5)),
                    ms(percentile(refill, 0.99)), ms(refill.get(refill.size() - 1)));

            Timer ticks = app.bean(MeterRegistry.class).find("hpo.loop.tick").timer();
            long ticksBefore = ticks == null ? 0 : ticks.count();
            double[] throughput = throughput(app, base, jobs, workers);
            System.out.printf(Locale.ROOT, "throughput: %d experiments, %d workers over HTTP: %.1f trials/s "
                    + "(%.2f s); worker-side complete->lease median %.2f ms, p99 %.2f ms%n", jobs, workers,
                    throughput[0], throughput[1], throughput[2], throughput[3]);
            if (ticks != null) {
                System.out.printf(Locale.ROOT, "ticks during the throughput run: %d, mean %.2f ms, max %.2f ms%n",
                        ticks.count() - ticksBefore, ticks.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                        ticks.max(java.util.concurrent.TimeUnit.MILLISECONDS));
            }
        }
        System.exit(0);
    }

    private static void warmUp(TestApp app, String base) throws InterruptedException {
        String study = app.createStudy(study(base, "bench-warm", 4, 200));
        app.start(study, null);
        runWorkers(app.http, "bench-warm", 4, 200, new ConcurrentLinkedQueue<>());
    }

    private static List<Long> latency(TestApp app, String base, int trials) throws InterruptedException {
        String study = app.createStudy(study(base, "bench-latency", 1, trials));
        app.start(study, null);
        ConcurrentLinkedQueue<Long> gaps = new ConcurrentLinkedQueue<>();
        runWorkers(app.http, "bench-latency", 1, trials, gaps);
        return new ArrayList<>(gaps);
    }

    /** {trials per second, seconds, median gap ms, p99 gap ms}. */
    private static double[] throughput(TestApp app, String base, int jobs, int workers) throws InterruptedException {
        String study = app.createStudy(study(base, "bench-throughput", workers, jobs));
        app.start(study, null);
        ConcurrentLinkedQueue<Long> gaps = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        runWorkers(app.http, "bench-throughput", workers, jobs, gaps);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(gaps);
        Collections.sort(sorted);
        return new double[] {jobs / seconds, seconds, ms(percentile(sorted, 0.5)), ms(percentile(sorted, 0.99))};
    }

    /**
     * Runs {@code workers} threads until {@code total} experiments completed; records, per worker, the nanoseconds
     * from sending {@code complete} to its next successful lease.
     */
    private static void runWorkers(Http http, String queue, int workers, int total,
                                   ConcurrentLinkedQueue<Long> gaps) throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(workers);
        for (int w = 0; w < workers; w++) {
            String workerId = queue + "-" + w;
            Thread thread = new Thread(() -> {
                long completedAt = -1;
                try {
                    while (done.get() < total) {
                        JsonNode experiment = http.lease(queue, workerId);
                        if (experiment == null) {
                            LockSupport.parkNanos(200_000);
                            continue;
                        }
                        if (completedAt > 0) {
                            gaps.add(System.nanoTime() - completedAt);
                        }
                        String id = experiment.get("id").asString();
                        http.report(id, "validation", "loss", 0, experiment.get("parameters").get("x").asDouble());
                        completedAt = System.nanoTime();
                        http.complete(id).requireOk();
                        done.incrementAndGet();
                    }
                } finally {
                    finished.countDown();
                }
            }, "bench-" + workerId);
            thread.setDaemon(true);
            thread.start();
        }
        finished.await();
    }

    private static Map<String, Object> study(String base, String queue, int concurrency, int jobs) {
        Map<String, Object> study = new LinkedHashMap<>();
        study.put("name", queue);
        study.put("baseExperimentId", base);
        study.put("parameters", List.of(
                Map.of("type", "uniform", "name", "x", "min", -1.0, "max", 1.0),
                Map.of("type", "log_uniform", "name", "lr", "min", -5, "max", -1)));
        study.put("objectives", List.of(Map.of("title", "validation", "series", "loss", "sign", "min")));
        study.put("strategy", Map.of("name", "random", "seed", 1, "settings", Map.of()));
        study.put("backend", "queue");
        study.put("executionQueue", queue);
        study.put("maxConcurrentExperiments", concurrency);
        study.put("totalMaxJobs", jobs);
        return study;
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
