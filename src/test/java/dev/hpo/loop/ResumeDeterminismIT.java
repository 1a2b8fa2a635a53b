package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.SpaceCodec;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.strategy.catalog.StrategyCatalog;
import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;
import dev.hpo.trial.Budget;
import tools.jackson.databind.JsonNode;

/**
 * A study run one experiment at a time, interrupted (service closed) and resumed on the same database, suggests
 * exactly the parameters an uninterrupted run with the same seed suggests: for every strategy of the catalog
 * that accepts the test space and budget with its default settings.
 */
class ResumeDeterminismIT {

    private static final int JOBS = 8;
    private static final long MIN_ITERATION = 1;
    private static final long MAX_ITERATION = 9;

    static Stream<String> strategies() {
        Map<String, Object> definition = definition("unused", "random");
        SearchSpace space = SpaceCodec.fromJson(definition.get("parameters"));
        List<Objective> objectives = List.of(new Objective(Studies.TITLE, Studies.SERIES, Sign.MIN));
        Budget budget = new Budget(MIN_ITERATION, MAX_ITERATION, JOBS, 1);
        List<String> usable = new ArrayList<>();
        for (StrategySpec spec : StrategyCatalog.standard().all()) {
            try {
                spec.create(Map.of(), space, objectives, budget);
                usable.add(spec.name());
            } catch (IllegalArgumentException unusable) {
                // a strategy that needs other settings or another space is not part of this check
            }
        }
        return usable.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void anInterruptedStudySuggestsWhatAnUninterruptedOneDoes(String strategy) {
        List<String> uninterrupted;
        TestDatabase.Target straight = TestDatabase.newDatabase();
        String studyA;
        try (TestApp app = TestApp.start(straight)) {
            studyA = app.createStudy(definition(app.http.createBaseExperiment("straight"), strategy));
            app.start(studyA, null);
            runExperiments(app, "q-det-" + strategy, JOBS);
            await().atMost(Duration.ofSeconds(30)).until(() -> !"RUNNING".equals(Studies.status(app.jdbc(), studyA)));
            uninterrupted = Studies.parameterSequence(app.jdbc(), studyA);
        }

        TestDatabase.Target interrupted = TestDatabase.newDatabase();
        String studyB;
        try (TestApp app = TestApp.start(interrupted)) {
            studyB = app.createStudy(definition(app.http.createBaseExperiment("interrupted"), strategy));
            app.start(studyB, null);
            runExperiments(app, "q-det-" + strategy, JOBS / 2);
        }
        List<String> resumed;
        try (TestApp app = TestApp.start(interrupted)) {
            runExperiments(app, "q-det-" + strategy, JOBS - JOBS / 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> !"RUNNING".equals(Studies.status(app.jdbc(), studyB)));
            resumed = Studies.parameterSequence(app.jdbc(), studyB);
        }

        assertThat(uninterrupted).isNotEmpty();
        assertThat(resumed).as("parameters of strategy %s after a restart", strategy).isEqualTo(uninterrupted);
    }

    private static Map<String, Object> definition(String base, String strategy) {
        Map<String, Object> definition = Studies.quadratic(base, "q-det-" + strategy, strategy, 42);
        definition.put("maxConcurrentExperiments", 1);
        definition.put("totalMaxJobs", JOBS);
        definition.put("minIterationPerJob", MIN_ITERATION);
        definition.put("maxIterationPerJob", MAX_ITERATION);
        return definition;
    }

    /** One worker, in the test thread: lease, report up to the experiment's budget, complete; {@code count} times. */
    private static void runExperiments(TestApp app, String queue, int count) {
        for (int i = 0; i < count; i++) {
            JsonNode experiment;
            try {
                experiment = await().atMost(Duration.ofSeconds(20))
                        .until(() -> app.http.lease(queue, "det-worker"), e -> e != null);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("no experiment to lease after " + i + "; studies: " + app.jdbc().queryForList(
                        "SELECT status || ' ' || coalesce(status_reason, '') || ' ' || coalesce(strategy_state::text, '') "
                                + "FROM study", String.class), e);
            }
            String id = experiment.get("id").asString();
            Long budget = app.jdbc().queryForObject("SELECT max_iteration FROM experiment WHERE id = ?::uuid",
                    Long.class, id);
            double loss = Studies.quadraticLoss(experiment.get("parameters"));
            long last = budget == null ? 3 : budget;
            for (long iteration = 1; iteration <= last; iteration++) {
                if ("stop".equals(app.http.report(id, Studies.TITLE, Studies.SERIES, iteration, loss + 1.0 / iteration))) {
                    break;
                }
            }
            app.http.complete(id);
        }
    }
}
