package dev.hpo.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;

/**
 * Whether a tick's cost grows with the study (issue 11: the rate over experiments 90,000-100,000 should be at
 * least 0.75x the rate over the first 10,000). One study of the {@code random} strategy on a continuous space,
 * {@code concurrency} slots; the loop's own timer is off and this main class ticks the study itself, then ends
 * every experiment the tick created as a zero-cost worker would (one summary row, COMPLETED), in one SQL
 * statement, so the numbers are the tick (read snapshot, decide, write) plus that statement, with no HTTP.
 * Prints the rate of each block of {@code block} experiments.
 *
 * <p>Run: {@code ./mvnw -q -o test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.hpo.loop.TickCostBenchmark
 * [-Dexec.args="experiments concurrency block"]} (defaults 100000 8 10000).
 */
public final class TickCostBenchmark {

    private TickCostBenchmark() {
    }

    public static void main(String[] args) {
        int experiments = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int block = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        try (TestApp app = TestApp.start(TestDatabase.newDatabase(), "hpo.loop.enabled=false",
                "logging.level.root=ERROR")) {
            Map<String, Object> definition = Studies.quadratic(app.http.createBaseExperiment("cost"), "q-cost",
                    "random", 7);
            definition.put("parameters", List.of(Map.of("type", "uniform", "name", "x", "min", -1.0, "max", 1.0),
                    Map.of("type", "uniform", "name", "y", "min", -1.0, "max", 1.0)));
            definition.put("maxConcurrentExperiments", concurrency);
            definition.put("totalMaxJobs", experiments);
            definition.put("reportPeriodMinutes", 60);
            String study = app.createStudy(definition);
            app.start(study, null);
            UUID studyId = UUID.fromString(study);
            StudyTicker ticker = app.bean(StudyTicker.class);
            List<Double> rates = new ArrayList<>();
            long blockStart = System.nanoTime();
            long ticks = 0;
            int done = 0;
            while (done < experiments) {
                ticker.tick(studyId);
                ticks++;
                done += app.jdbc().update("""
                        WITH ended AS (
                            UPDATE experiment SET status = 'COMPLETED', started_at = now(), ended_at = now(),
                                   version = version + 1
                             WHERE study_id = ? AND status = 'QUEUED' RETURNING id, study_id)
                        INSERT INTO metric_summary (experiment_id, study_id, title, series, last_value, last_iteration,
                                                    min_value, max_value, count)
                        SELECT id, study_id, ?, ?, 0.5, 0, 0.5, 0.5, 1 FROM ended
                        """, studyId, Studies.TITLE, Studies.SERIES);
                if (done >= (rates.size() + 1) * block || done >= experiments) {
                    double seconds = (System.nanoTime() - blockStart) / 1e9;
                    rates.add(block / seconds);
                    System.out.printf(Locale.ROOT, "experiments %,7d: %8.1f experiments/s (%d ticks so far)%n", done,
                            block / seconds, ticks);
                    blockStart = System.nanoTime();
                }
            }
            ticker.tick(studyId);
            System.out.printf(Locale.ROOT, "study %s; last block / first block: %.2f%n",
                    Studies.status(app.jdbc(), study), rates.get(rates.size() - 1) / rates.get(0));
        }
        System.exit(0);
    }
}
