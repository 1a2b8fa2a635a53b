package dev.hpo.stopping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.settings.SettingSpec;
import dev.hpo.settings.Settings;
import dev.hpo.trial.Budget;

/**
 * {@code asha}: asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter
 * Tuning", MLSys 2020), as Optuna's {@code SuccessiveHalvingPruner}; see {@link AshaRule}. The iteration range
 * defaults to the study's {@code minIterationPerJob}/{@code maxIterationPerJob}.
 */
public final class AshaRuleSpec implements StoppingRuleSpec {

    private static final String OWNER = "early stopping rule 'asha'";

    private static final List<SettingSpec> SETTINGS = List.of(
            new SettingSpec("reductionFactor", "integer", 3,
                    "eta: rungs are eta times apart and the best 1/eta at a rung go on; 2 to 100."),
            new SettingSpec("minIteration", "integer", null,
                    "Iteration of the first rung (times eta^minEarlyStoppingRate); default the study's "
                            + "minIterationPerJob, else 1."),
            new SettingSpec("maxIteration", "integer", null,
                    "Iterations of a full experiment; rungs lie below it. Default the study's maxIterationPerJob; "
                            + "one of the two is required."),
            new SettingSpec("minEarlyStoppingRate", "integer", 0,
                    "s: the first rung is at minIteration * eta^s; >= 0."),
            new SettingSpec("skipMisleadingRungs", "boolean", true,
                    "A rung stops experiments only once reductionFactor + 1 experiments have completed maxIteration "
                            + "with their learning curves reported and the best of them would have survived that "
                            + "rung's cut (a hedge against crossing curves); false: plain ASHA from the first report."));

    @Override
    public String name() {
        return "asha";
    }

    @Override
    public String description() {
        return "Asynchronous successive halving: at each rung (minIteration * eta^k) an experiment goes on only if "
                + "it is in the best 1/eta of the experiments that reached that rung.";
    }

    @Override
    public List<SettingSpec> settings() {
        return SETTINGS;
    }

    @Override
    public StoppingRule create(Map<String, Object> settings, Budget budget) {
        Settings checked = Settings.validate(OWNER, settings, SETTINGS);
        int eta = checked.integer("reductionFactor", 2, 100);
        int rate = checked.integer("minEarlyStoppingRate", 0, 62);
        Long studyMin = budget == null ? null : budget.minIterationPerJob();
        Long studyMax = budget == null ? null : budget.maxIterationPerJob();
        long minIteration = checked.has("minIteration") ? checked.longInteger("minIteration", 1, Long.MAX_VALUE)
                : studyMin != null ? Math.max(1, studyMin) : 1;
        if (!checked.has("maxIteration") && studyMax == null) {
            throw new InvalidStrategyException(OWNER + ": setting 'maxIteration' is required when the study has no "
                    + "maxIterationPerJob");
        }
        long maxIteration = checked.has("maxIteration") ? checked.longInteger("maxIteration", 1, Long.MAX_VALUE)
                : studyMax;
        List<Long> rungs = rungs(minIteration, eta, rate, maxIteration);
        if (rungs.isEmpty()) {
            throw new InvalidStrategyException(OWNER + ": no rung below maxIteration " + maxIteration
                    + " (the first rung is minIteration " + minIteration + " * reductionFactor " + eta
                    + " ^ minEarlyStoppingRate " + rate + ")");
        }
        return new AshaRule(rungs, eta, maxIteration, checked.bool("skipMisleadingRungs"));
    }

    /** Rung iterations {@code min * eta^(k+s)} strictly below {@code max}: a rung at the end would decide nothing. */
    static List<Long> rungs(long min, int eta, int rate, long max) {
        List<Long> rungs = new ArrayList<>();
        long rung = min;
        for (int i = 0; i < rate && rung < max; i++) {
            rung = times(rung, eta);
        }
        while (rung < max) {
            rungs.add(rung);
            rung = times(rung, eta);
        }
        return rungs;
    }

    /** {@code rung * eta}, saturating at {@link Long#MAX_VALUE} so the loops above end instead of wrapping. */
    private static long times(long rung, int eta) {
        try {
            return Math.multiplyExact(rung, eta);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
