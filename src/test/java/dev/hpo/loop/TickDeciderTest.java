package dev.hpo.loop;

import static dev.hpo.loop.SnapshotFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.experiment.ExperimentTransition;
import dev.hpo.shared.StopReason;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.Suggestion;
import dev.hpo.study.StudyStatus;
import dev.hpo.trial.TrialState;

/**
 * The rules of a tick (docs/loop.md, "Rules of a tick"), driven on in-memory snapshots the way the strategies'
 * contract tests drive strategies: each test names the rule it checks.
 */
class TickDeciderTest {

    private final SnapshotFixture study = new SnapshotFixture();

    private TickPlan decide(Instant now) {
        study.refreshStudy();
        return TickDecider.decide(study.snapshot(), now);
    }

    private static List<StopReason> reasons(TickPlan plan) {
        return plan.ends().stream().map(ExperimentEnd::reason).toList();
    }

    // ---- 1. study limits --------------------------------------------------------------------------------

    @Test
    void rule1aAStopRequestAbortsEveryActiveExperimentAndStopsTheStudyKeepingTheUsersReason() {
        study.status = StudyStatus.STOPPING;
        study.statusReason = "stopped_by_user";
        study.add(ExperimentStatus.RUNNING, null);
        study.add(ExperimentStatus.QUEUED, null);
        study.add(ExperimentStatus.COMPLETED, null);

        TickPlan plan = decide(T0.plusSeconds(1));

        assertThat(plan.ends()).extracting(e -> e.row().number()).containsExactly(0, 1);
        assertThat(reasons(plan)).containsOnly(StopReason.STUDY_STOPPED);
        assertThat(plan.ends()).allMatch(e -> e.transition() == ExperimentTransition.ABORT);
        assertThat(plan.end()).isEqualTo(new StudyEnd(StudyStatus.STOPPED, "stopped_by_user"));
        assertThat(plan.created()).isEmpty();
    }

    @Test
    void rule1bThePassedDeadlineStopsTheStudyAsTimeLimit() {
        study.deadline = T0.plusSeconds(60);
        study.add(ExperimentStatus.RUNNING, null);

        assertThat(decide(T0.plusSeconds(59)).end()).isNull();
        TickPlan plan = decide(T0.plusSeconds(60));

        assertThat(plan.end()).isEqualTo(new StudyEnd(StudyStatus.STOPPED, "time_limit"));
        assertThat(reasons(plan)).containsExactly(StopReason.TIME_LIMIT);
    }

    @Test
    void rule1cRunningMinutesOfAllExperimentsReachingTheComputeLimitStopTheStudy() {
        study.limit("computeTimeLimitMinutes", 3.0);
        study.limit("maxConcurrentExperiments", 1);
        study.add(ExperimentStatus.COMPLETED, null); // ran one minute
        study.add(ExperimentStatus.RUNNING, null); // started at T0

        assertThat(decide(T0.plusSeconds(119)).end()).isNull();
        TickPlan plan = decide(T0.plusSeconds(120)); // 1 + 2 minutes

        assertThat(plan.end()).isEqualTo(new StudyEnd(StudyStatus.STOPPED, "compute_time_limit"));
        assertThat(reasons(plan)).containsExactly(StopReason.COMPUTE_TIME_LIMIT);
    }

    // ---- 2. experiment limits -----------------------------------------------------------------------------

    @Test
    void rule2aAnExperimentRunningLongerThanTheTimeLimitPerJobIsAbortedAsTimeLimit() {
        study.limit("timeLimitPerJobMinutes", 1.0);
        study.limit("maxConcurrentExperiments", 1);
        study.add(ExperimentStatus.RUNNING, null);

        assertThat(decide(T0.plusSeconds(59)).ends()).isEmpty();
        TickPlan plan = decide(T0.plusSeconds(60));

        assertThat(plan.ends()).singleElement().satisfies(e -> {
            assertThat(e.transition()).isEqualTo(ExperimentTransition.ABORT);
            assertThat(e.reason()).isEqualTo(StopReason.TIME_LIMIT);
        });
        // its slot is free again in the same tick
        assertThat(plan.created()).hasSize(1);
    }

    @Test
    void rule2bReachingTheIterationBudgetCompletesTheExperimentAsIterationLimit() {
        study.limit("maxIterationPerJob", 10L);
        study.limit("maxConcurrentExperiments", 2);
        ExperimentRow below = study.add(ExperimentStatus.RUNNING, null);
        ExperimentRow reached = study.add(ExperimentStatus.RUNNING, null);
        study.report(below, 9, 9, 0.5);
        study.report(reached, 10, 10, 0.4);

        TickPlan plan = decide(T0.plusSeconds(1));

        assertThat(plan.ends()).singleElement().satisfies(e -> {
            assertThat(e.row().number()).isEqualTo(1);
            assertThat(e.transition()).isEqualTo(ExperimentTransition.REACH_ITERATION_LIMIT);
            assertThat(e.transition().to()).isEqualTo(ExperimentStatus.COMPLETED);
            assertThat(e.reason()).isEqualTo(StopReason.ITERATION_LIMIT);
        });
    }

    @Test
    void rule2cALostWorkerFailsItsExperimentAndItsSlotIsRefilledOnlyOnTheNextTick() {
        study.limit("maxConcurrentExperiments", 1);
        ExperimentRow row = study.add(ExperimentStatus.RUNNING, null);
        study.replace(expired(row, T0.plusSeconds(5)));

        TickPlan plan = decide(T0.plusSeconds(6));

        assertThat(plan.ends()).singleElement().satisfies(e -> {
            assertThat(e.transition()).isEqualTo(ExperimentTransition.LOSE_WORKER);
            assertThat(e.reason()).isEqualTo(StopReason.WORKER_LOST);
            assertThat(e.message()).contains("stopped renewing its lease");
        });
        assertThat(plan.retries()).isEmpty();
        assertThat(plan.created()).isEmpty();
        assertThat(plan.end()).isNull();
    }

    @Test
    void rule2dALostWorkerIsRetriedWhileTheStudyAllowsAndFailsOnceItsRetriesAreUsed() {
        study.limit("maxRetriesPerExperiment", 1);
        ExperimentRow first = study.add(ExperimentStatus.RUNNING, null);
        ExperimentRow second = study.add(ExperimentStatus.RUNNING, null);
        study.replace(expired(first, T0.plusSeconds(5)));
        ExperimentRow retriedOnce = expired(second, T0.plusSeconds(5));
        study.replace(new ExperimentRow(retriedOnce.id(), 1, retriedOnce.status(), null, null, retriedOnce.startedAt(),
                null, retriedOnce.workerLeaseExpiresAt(), false, false, 1));

        TickPlan plan = decide(T0.plusSeconds(6));

        assertThat(plan.retries()).extracting(ExperimentRow::number).containsExactly(0);
        assertThat(plan.ends()).singleElement().satisfies(e -> {
            assertThat(e.row().number()).isEqualTo(1);
            assertThat(e.reason()).isEqualTo(StopReason.WORKER_LOST);
        });
        // a retry keeps its slot: the strategy is not asked for a new point
        assertThat(plan.created()).isEmpty();
    }

    @Test
    void rule2eLeasesAreNotJudgedWhileTheReplicaIsInItsGraceTimeOrBetweenChecks() {
        study.judgeWorkers = false;
        ExperimentRow row = study.add(ExperimentStatus.RUNNING, null);
        study.replace(expired(row, T0.plusSeconds(5)));

        assertThat(decide(T0.plusSeconds(60)).ends()).isEmpty();
    }

    @Test
    void rule2fTheStoppingRulePrunesAndIsAskedAgainOnlyAfterANewReport() {
        List<Integer> asked = new ArrayList<>();
        study.rule = (running, trials, objective, budget) -> {
            asked.add(running.number());
            assertThat(trials.get(running.number())).isSameAs(running);
            return running.number() == 1;
        };
        study.limit("maxConcurrentExperiments", 3);
        ExperimentRow keep = study.add(ExperimentStatus.RUNNING, null);
        ExperimentRow prune = study.add(ExperimentStatus.RUNNING, null);
        study.add(ExperimentStatus.RUNNING, null); // reported nothing: not asked
        study.report(keep, 3, 3, 0.2);
        study.report(prune, 3, 3, 0.9);

        TickPlan plan = decide(T0.plusSeconds(1));

        assertThat(asked).containsExactly(0, 1);
        assertThat(plan.ends()).singleElement().satisfies(e -> {
            assertThat(e.row().number()).isEqualTo(1);
            assertThat(e.transition()).isEqualTo(ExperimentTransition.ABORT);
            assertThat(e.reason()).isEqualTo(StopReason.PRUNED);
        });
        assertThat(plan.stoppingChecked()).containsEntry(keep.id(), 3L);

        // the same report count is not asked again; a new one is
        study.snapshot().stoppingChecked(keep.id(), 3L);
        study.replace(prune.endedAs(ExperimentStatus.ABORTED, StopReason.PRUNED, T0));
        asked.clear();
        decide(T0.plusSeconds(2));
        assertThat(asked).isEmpty();
        study.report(keep, 4, 4, 0.2);
        decide(T0.plusSeconds(3));
        assertThat(asked).containsExactly(0);
    }

    // ---- 3. free slots --------------------------------------------------------------------------------------

    @Test
    void rule3aFreeSlotsAreTheConcurrencyLessWhatIsActiveCappedByTheJobBudget() {
        study.limit("maxConcurrentExperiments", 4);
        study.add(ExperimentStatus.RUNNING, null);
        assertThat(decide(T0).created()).extracting(NewExperiment::number).containsExactly(1, 2, 3);

        SnapshotFixture budgeted = new SnapshotFixture();
        budgeted.limit("maxConcurrentExperiments", 4);
        budgeted.limit("totalMaxJobs", 3);
        budgeted.add(ExperimentStatus.RUNNING, null);
        budgeted.refreshStudy();
        TickPlan capped = TickDecider.decide(budgeted.snapshot(), T0);
        assertThat(capped.created()).extracting(NewExperiment::number).containsExactly(1, 2);
        assertThat(capped.experimentsCreated()).isEqualTo(3);
    }

    @Test
    void rule3bTheStrategyIsAskedOncePerSlotWithTheLoopsSeedAndSeesEachNewExperimentAsPending() {
        study.limit("maxConcurrentExperiments", 3);
        List<Long> draws = new ArrayList<>();
        List<List<TrialState>> seen = new ArrayList<>();
        study.strategy = context -> {
            draws.add(context.random().nextLong());
            seen.add(context.trials().stream().map(t -> t.state()).toList());
            return new Suggestion.Point(Map.of("x", context.trials().size() / 10.0), null, Map.of("n", seen.size()));
        };
        study.add(ExperimentStatus.COMPLETED, null);

        TickPlan plan = decide(T0);

        assertThat(draws).containsExactly(Seeds.forSuggestion(42L, 1).nextLong(), Seeds.forSuggestion(42L, 2).nextLong(),
                Seeds.forSuggestion(42L, 3).nextLong());
        assertThat(seen.get(2)).containsExactly(TrialState.FAILED, TrialState.PENDING, TrialState.PENDING);
        assertThat(plan.strategyState()).isEqualTo(Map.of("n", 3));
        assertThat(plan.created()).first().satisfies(created -> {
            assertThat(created.name()).isEqualTo("train: x=0.1");
            assertThat(created.project()).isEqualTo("demo");
            assertThat(created.queue()).isEqualTo("default");
        });
    }

    @Test
    void rule3cARepeatedPointIsRedrawnWithASaltedGeneratorAndPersistentRepeatsEndTheFilling() {
        study.limit("maxConcurrentExperiments", 2);
        study.add(ExperimentStatus.RUNNING, null); // x = 0.0
        List<Long> draws = new ArrayList<>();
        study.strategy = context -> {
            draws.add(context.random().nextLong());
            return new Suggestion.Point(Map.of("x", 0.0), null, Map.of("dropped", true));
        };

        TickPlan plan = decide(T0);

        assertThat(draws).hasSize(SlotFiller.MAX_REDRAWS + 1);
        assertThat(draws.get(1)).isEqualTo(SlotFiller.generator(42L, 1, 1).nextLong());
        assertThat(plan.created()).isEmpty();
        assertThat(plan.strategyState()).isNull(); // a repeat's state is dropped with it
        assertThat(plan.end()).isNull(); // something is still active
    }

    @Test
    void rule3dAStrategyThatWaitsFillsNothingAndOneThatThrowsFailsTheStudyAbortingWhatIsActive() {
        study.strategy = context -> new Suggestion.Wait(null);
        study.add(ExperimentStatus.RUNNING, null);
        assertThat(decide(T0).created()).isEmpty();

        study.strategy = context -> {
            throw new IllegalStateException("boom");
        };
        TickPlan plan = decide(T0);

        assertThat(plan.end()).isEqualTo(new StudyEnd(StudyStatus.FAILED, "strategy 'scripted' failed: boom"));
        assertThat(reasons(plan)).containsExactly(StopReason.STUDY_FAILED);
    }

    @Test
    void rule3eAStoppingStudyCreatesNothing() {
        study.status = StudyStatus.STOPPING;
        assertThat(decide(T0).created()).isEmpty();
    }

    // ---- 4. finish --------------------------------------------------------------------------------------------

    @Test
    void rule4aTheJobBudgetUsedWithNothingActiveCompletesTheStudy() {
        study.limit("totalMaxJobs", 2);
        study.add(ExperimentStatus.COMPLETED, null);
        ExperimentRow last = study.add(ExperimentStatus.RUNNING, null);
        assertThat(decide(T0).end()).isNull();

        study.replace(last.endedAs(ExperimentStatus.COMPLETED, null, T0));
        assertThat(decide(T0).end()).isEqualTo(new StudyEnd(StudyStatus.COMPLETED, "job_budget"));
    }

    @Test
    void rule4bAnExhaustedOrRepeatingStrategyCompletesTheStudyOnceNothingIsActive() {
        study.strategy = context -> new Suggestion.Exhausted("grid done", null);
        study.add(ExperimentStatus.RUNNING, null);
        TickPlan running = decide(T0);
        assertThat(running.exhaustedReason()).isEqualTo("grid done");
        assertThat(running.end()).isNull();

        study.snapshot().exhausted("grid done");
        study.replace(study.snapshot().row(0).endedAs(ExperimentStatus.COMPLETED, null, T0));
        assertThat(decide(T0).end()).isEqualTo(new StudyEnd(StudyStatus.COMPLETED, "strategy_exhausted"));

        SnapshotFixture repeating = new SnapshotFixture();
        repeating.strategy = context -> new Suggestion.Point(Map.of("x", 0.0), null, null);
        repeating.add(ExperimentStatus.COMPLETED, null);
        repeating.refreshStudy();
        assertThat(TickDecider.decide(repeating.snapshot(), T0).end())
                .isEqualTo(new StudyEnd(StudyStatus.COMPLETED, "strategy_exhausted"));
    }

    // ---- 5. events and 6. the report ---------------------------------------------------------------------------

    @Test
    void rule5EveryEndedExperimentWithoutAnEventGetsOneIncludingThoseEndedInThisTick() {
        study.limit("timeLimitPerJobMinutes", 1.0);
        ExperimentRow ended = study.add(ExperimentStatus.FAILED, null);
        study.replace(new ExperimentRow(ended.id(), 0, ExperimentStatus.FAILED, null, null, T0, T0, null, false, false, 0));
        study.add(ExperimentStatus.COMPLETED, null); // already notified
        study.add(ExperimentStatus.RUNNING, null);

        TickPlan plan = decide(T0.plusSeconds(61));

        assertThat(plan.events()).extracting(ExperimentRow::number).containsExactly(0, 2);
        assertThat(plan.events().get(1).status()).isEqualTo(ExperimentStatus.ABORTED);
    }

    @Test
    void rule6TheReportIsDueEveryPeriodAndAtTheEnd() {
        study.add(ExperimentStatus.RUNNING, null);
        assertThat(decide(T0.plusSeconds(299)).reportDue()).isFalse();
        assertThat(decide(T0.plusSeconds(300)).reportDue()).isTrue();

        study.status = StudyStatus.STOPPING;
        assertThat(decide(T0.plusSeconds(1)).reportDue()).isTrue();
    }

    private static ExperimentRow expired(ExperimentRow row, Instant leaseExpiry) {
        return new ExperimentRow(row.id(), row.number(), row.status(), row.stopReason(), row.maxIteration(),
                row.startedAt(), row.endedAt(), leaseExpiry, row.completionNotified(), row.archived(), row.retries());
    }
}
