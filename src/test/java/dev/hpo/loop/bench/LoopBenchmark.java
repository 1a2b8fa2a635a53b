package dev.hpo.loop.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The study loop through the full HTTP worker path, with zero-cost experiments: each worker leases, reports one
 * scalar and completes at once, with a worker token (as a real agent does). Starts the whole service on the test
 * database (embedded PostgreSQL when there is no Docker and no {@code TEST_DATABASE_URL}) and prints every bar
 * of issue 11 with the machine's load average:
 *
 * <p>{@code latency} and {@code throughput} run once per worker protocol of {@code protocols}: {@code three} (lease,
 * report the scalar, complete: three calls per experiment) and {@code tell} (lease, then complete with the scalar
 * in the body: two calls).
 *
 * <ol>
 * <li>{@code latency}: one worker, one slot; the time from sending {@code complete} to the worker's next
 * successful lease (the loop noticing the end, creating the next experiment, plus one lease round trip).
 * Bar: p50 &lt;= 5 ms, p99 &lt;= 20 ms.</li>
 * <li>{@code throughput}: {@code workers} workers, as many slots. Bar: &gt;= 500 trials/s with 8.</li>
 * <li>{@code flat}: one {@code random} study of {@code flatJobs} experiments; the rate per {@code flatWindow}
 * and the last window's rate over the first's. Bar: &gt;= 0.75.</li>
 * <li>{@code tpe}: the same with {@code tpe}; the strategy's own time (the {@code hpo.strategy.suggest} timer)
 * is reported apart, and the loop's rate is the window's experiments over its time minus the strategy's.</li>
 * </ol>
 *
 * <p>Run (docs/loop.md, "Benchmark"): {@code ./mvnw -q -o -Ploop-bench test-compile exec:java}, options as
 * system properties: {@code -Dloopbench.phases=latency,throughput,flat,tpe -Dloopbench.latencyTrials=2000
 * -Dloopbench.jobs=10000 -Dloopbench.workers=8 -Dloopbench.flatJobs=100000 -Dloopbench.flatWindow=10000
 * -Dloopbench.tpeJobs=20000 -Dloopbench.tpeWindow=2000 -Dloopbench.protocols=three,tell
 * -Dloopbench.warmJobs=20000 -Dloopbench.leaseWait=2}: {@code warmJobs} experiments run first (8 workers), whose
 * rate is that of a cold JVM; {@code leaseWait} is the seconds a lease may wait for an experiment (0 polls back to
 * back, as older workers do).
 */
public final class LoopBenchmark {

    private LoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> phases = Set.of(option("phases", "latency,throughput,flat,tpe").split(","));
        int latencyTrials = Integer.parseInt(option("latencyTrials", "2000"));
        int jobs = Integer.parseInt(option("jobs", "10000"));
        int workers = Integer.parseInt(option("workers", "8"));
        int flatJobs = Integer.parseInt(option("flatJobs", "100000"));
        int flatWindow = Integer.parseInt(option("flatWindow", "10000"));
        int tpeJobs = Integer.parseInt(option("tpeJobs", "20000"));
        int tpeWindow = Integer.parseInt(option("tpeWindow", "2000"));
        double leaseWait = Double.parseDouble(option("leaseWait", "2"));
        List<String> protocols = List.of(option("protocols", "three,tell").split(","));
        int warmJobs = Integer.parseInt(option("warmJobs", "20000"));
        System.out.printf(Locale.ROOT, "loop benchmark: %s cores, load average %s at the start%n",
                Runtime.getRuntime().availableProcessors(), load());
        try (TestApp app = TestApp.start(TestDatabase.newDatabase(), "hpo.loop.tick-interval=1s",
                "logging.level.root=ERROR")) {
            String base = app.http.createBaseExperiment("bench");
            String token = app.http.post("/api/v1/tokens", Map.of("name", "bench worker", "role", "worker")).requireOk()
                    .json().get("token").asString();
            Http worker = new Http(app.port, token);
            MeterRegistry meters = app.bean(MeterRegistry.class);
            // the JIT compiles the worker path during the first tens of thousands of calls: the first 4,000
            // experiments of a fresh JVM run at about half the rate of later ones, which the phases below measure
            long warmStart = System.nanoTime();
            BenchWorkers.Run warm = runStudy(app, worker, base, "bench-warm", "random", workers, warmJobs, 0,
                    leaseWait, false, () -> 0);
            System.out.printf(Locale.ROOT, "warm-up: %d experiments, %d workers, %.1f trials/s (%.0f s); load %s%n",
                    warm.completed(), workers, warm.completed() / warm.seconds(),
                    (System.nanoTime() - warmStart) / 1e9, load());

            for (String protocol : protocols) {
                boolean tell = protocol.equals("tell");
                String calls = tell ? "lease + complete with the point" : "lease + scalars + complete";
                if (phases.contains("latency")) {
                    ServerTimes before = ServerTimes.of(meters);
                    BenchWorkers.Run run = runStudy(app, worker, base, "bench-latency-" + protocol, "random", 1,
                            latencyTrials, 0, leaseWait, tell, () -> 0);
                    List<Long> gaps = sorted(run.gapsNanos());
                    System.out.printf(Locale.ROOT, "refill latency (complete sent -> next experiment leased), %s, "
                            + "1 worker, %d trials: p50 %.2f ms, p99 %.2f ms, max %.2f ms [bar: p50 <= 5, p99 <= 20] "
                            + "load %s%n", calls, gaps.size(), ms(percentile(gaps, 0.5)), ms(percentile(gaps, 0.99)),
                            ms(gaps.isEmpty() ? 0 : gaps.get(gaps.size() - 1)), load());
                    System.out.printf(Locale.ROOT, "  refills slower than 500 ms: %d%n",
                            gaps.stream().filter(g -> g > 500_000_000L).count());
                    System.out.println("  where it goes (server side, mean per call over the phase): "
                            + ServerTimes.of(meters).since(before));
                }
                if (phases.contains("throughput")) {
                    Timer ticks = meters.find("hpo.loop.tick").timer();
                    long ticksBefore = ticks == null ? 0 : ticks.count();
                    ServerTimes before = ServerTimes.of(meters);
                    BenchWorkers.Run run = runStudy(app, worker, base, "bench-throughput-" + protocol, "random",
                            workers, jobs, 0, leaseWait, tell, () -> 0);
                    List<Long> gaps = sorted(run.gapsNanos());
                    System.out.printf(Locale.ROOT, "throughput, %s, %d workers, %d experiments: %.1f trials/s in "
                            + "%.2f s [bar: >= 500 with 8]; complete -> next lease per worker p50 %.2f ms, p99 %.2f "
                            + "ms; load %s%n", calls, workers, run.completed(), run.completed() / run.seconds(),
                            run.seconds(), ms(percentile(gaps, 0.5)), ms(percentile(gaps, 0.99)), load());
                    if (ticks != null) {
                        System.out.printf(Locale.ROOT, "  ticks during the run: %d; server side: %s%n",
                                ticks.count() - ticksBefore, ServerTimes.of(meters).since(before));
                    }
                }
            }
            if (phases.contains("flat")) {
                flat(app, worker, base, "random", workers, flatJobs, flatWindow, leaseWait, meters);
            }
            if (phases.contains("tpe")) {
                flat(app, worker, base, "tpe", workers, tpeJobs, tpeWindow, leaseWait, meters);
            }
        }
        System.out.printf(Locale.ROOT, "load average at the end %s%n", load());
        System.exit(0);
    }

    /** One study of {@code total} experiments; rates per window, the strategy's time apart when it is timed. */
    private static void flat(TestApp app, Http worker, String base, String strategy, int workers, int total,
                             int window, double leaseWait, MeterRegistry meters) throws InterruptedException {
        DoubleSupplier strategySeconds = () -> {
            Timer suggest = meters.find("hpo.strategy.suggest").tag("strategy", strategy).timer();
            return suggest == null ? 0 : suggest.totalTime(TimeUnit.SECONDS);
        };
        BenchWorkers.Run run = runStudy(app, worker, base, "bench-flat-" + strategy, strategy, workers, total,
                window, leaseWait, false, strategySeconds);
        boolean timed = meters.find("hpo.strategy.suggest").tag("strategy", strategy).timer() != null;
        System.out.printf(Locale.ROOT, "flat cost, %s, one study of %d experiments, %d workers: %.1f trials/s overall; "
                + "load %s%n", strategy, run.completed(), workers, run.completed() / run.seconds(), load());
        int windows = run.windowEndsNanos().length;
        double first = 0;
        double last = 0;
        for (int w = 0; w < windows; w++) {
            double seconds = run.windowSeconds(w);
            double inStrategy = run.windowSample(w);
            double loopRate = window / Math.max(1e-9, seconds - inStrategy);
            System.out.printf(Locale.ROOT, "  experiments %6d-%6d: %7.1f trials/s%s%n", w * window, (w + 1) * window,
                    window / seconds, timed ? String.format(Locale.ROOT, "; strategy %.2f s of %.2f s (%.2f ms per "
                            + "suggestion), loop alone %.1f trials/s", inStrategy, seconds, inStrategy * 1000 / window,
                            loopRate) : "");
            double rate = strategy.equals("random") || !timed ? window / seconds : loopRate;
            if (w == 0) {
                first = rate;
            }
            last = rate;
        }
        if (windows >= 2) {
            System.out.printf(Locale.ROOT, "  %s: last window / first window = %.2f [bar: >= 0.75]%s%n", strategy,
                    last / first, strategy.equals("random") || !timed ? "" : " (loop alone, strategy time taken out)");
        }
    }

    private static BenchWorkers.Run runStudy(TestApp app, Http worker, String base, String name, String strategy,
                                             int concurrency, int jobs, int window, double leaseWait,
                                             boolean tell, DoubleSupplier sample) throws InterruptedException {
        String study = app.createStudy(study(base, name, strategy, concurrency, jobs));
        app.start(study, null);
        return BenchWorkers.run(worker, name, concurrency, jobs, window, leaseWait, tell, sample);
    }

    private static Map<String, Object> study(String base, String queue, String strategy, int concurrency, int jobs) {
        Map<String, Object> study = new LinkedHashMap<>();
        study.put("name", queue);
        study.put("baseExperimentId", base);
        study.put("parameters", List.of(
                Map.of("type", "uniform", "name", "x", "min", -1.0, "max", 1.0),
                Map.of("type", "log_uniform", "name", "lr", "min", -5, "max", -1)));
        study.put("objectives", List.of(Map.of("title", "validation", "series", "loss", "sign", "min")));
        study.put("strategy", Map.of("name", strategy, "seed", 1, "settings", Map.of()));
        study.put("backend", "queue");
        study.put("executionQueue", queue);
        study.put("maxConcurrentExperiments", concurrency);
        study.put("totalMaxJobs", jobs);
        return study;
    }

    private static String option(String name, String fallback) {
        return System.getProperty("loopbench." + name, fallback);
    }

    /** The 1-minute load average (the machine may be shared: numbers mean little above the core count). */
    private static String load() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
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
