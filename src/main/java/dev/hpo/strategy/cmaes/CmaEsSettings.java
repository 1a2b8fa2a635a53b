package dev.hpo.strategy.cmaes;

import java.util.List;
import java.util.Map;

import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.settings.SettingSpec;
import dev.hpo.settings.Settings;

/**
 * The validated settings of {@code cmaes}.
 *
 * <p>Compared with Optuna 3.1's {@code CmaEsSampler} defaults: the first mean is the centre of every range on its
 * search scale (integers widened by half a step, as Optuna's step transform). Optuna has no margin and no restarts
 * by default and samples its first experiment at random; here margin and IPOP restarts are on, which changed
 * nothing on the protocol's problems within 100 experiments (same median regrets with either off: no run converges
 * that early, and no integer's step gets below its cell). The step size is Optuna's: a single
 * {@code sigma0 = min(range) / 6} over the unnormalised (log-transformed) ranges ({@code stepScale = narrowest}),
 * so a wide range gets a relatively smaller step (on {@code lc_sim_full}: 1/6 of {@code dropout}'s range but about
 * 1/60 of {@code lr}'s); it moved the median regret after 100 experiments on {@code ackley_mixed} from 5.371 to
 * 5.047 and on {@code lc_sim_full} from 0.004745 to 0.002591 against {@code stepScale = each}, which gives every
 * dimension {@code sigma0} of its own range (independent of the units a parameter happens to be given in).
 *
 * <p>Two defaults differ from Optuna's, both measured on the four numeric problems of the protocol (median regret
 * after 100 experiments over 300 seeds, and over the protocol's 20 seeds in {@code bench/results}):
 * <ul>
 *   <li>{@code popsize}: Hansen's {@code 4 + floor(3 ln n)}, but at most {@code totalMaxJobs / 20} (never below
 *       4) when the study has a budget, so that a first run gets about 20 generations (see
 *       {@link CmaConstants#budgetedPopulation}); with 100 experiments that is 5 instead of 6 to 9;</li>
 *   <li>{@code sampling = stratified}: a generation's normal vectors are drawn together, orthogonal and with
 *       stratified lengths ({@link OrthogonalDraws}), instead of independently.</li>
 * </ul>
 *
 * @param sigma0        initial step size as a fraction of the narrowest range (or of each range), in (0, 1]
 * @param popsize       population size of the first run, or null for {@code 4 + floor(3 ln n)} capped by the budget
 * @param restarts      IPOP restarts (population doubles) when a run converges
 * @param withMargin    keep integer and stepped dimensions exploring (Hamano et al. 2022)
 * @param startupTrials random experiments before CMA-ES starts (its first mean is then the best of them)
 * @param sameStep      true when every parameter starts with the same step in its natural units
 *                      ({@code sigma0} of the narrowest range, as Optuna), false for {@code sigma0} of each range
 * @param orthogonal    a generation's normal vectors are drawn as one orthogonal batch
 * @param stratified    and their lengths from equal-probability strata of the chi distribution
 */
record CmaEsSettings(double sigma0, Integer popsize, boolean restarts, boolean withMargin, int startupTrials,
                     boolean sameStep, boolean orthogonal, boolean stratified) {

    static final List<SettingSpec> SPECS = List.of(
            new SettingSpec("sigma0", "number", 1.0 / 6,
                    "initial step size as a fraction of a search-scale range (see stepScale); 0 < sigma0 <= 1"),
            new SettingSpec("stepScale", "string", "narrowest",
                    "'narrowest': every parameter starts with sigma0 times the narrowest range (ranges in natural units,"
                            + " ln for log-uniform), as Optuna; 'each': sigma0 times each parameter's own range"),
            new SettingSpec("popsize", "integer", null,
                    "population size of the first run; default 4 + floor(3 ln n) for n numeric parameters, at most"
                            + " totalMaxJobs / 20 (never below 4) so that a short study gets about 20 generations;"
                            + " 2..10000"),
            new SettingSpec("restarts", "string", "ipop",
                    "'ipop' (or true): restart with a doubled population when a run converges; 'none' (or false)"),
            new SettingSpec("withMargin", "boolean", true,
                    "keep integer and stepped parameters exploring with the margin of Hamano et al. (2022)"),
            new SettingSpec("startupTrials", "integer", 0,
                    "random experiments before CMA-ES starts from the best of them; 0..1000"),
            new SettingSpec("sampling", "string", "stratified",
                    "'stratified': a generation's normal vectors are drawn mutually orthogonal (in blocks of n) with"
                            + " lengths from equal-probability strata, each still N(0, I); 'orthogonal': orthogonal,"
                            + " lengths independent; 'independent': each vector on its own (as Optuna)"));

    static CmaEsSettings from(Map<String, Object> given) {
        Settings settings = Settings.validate("strategy 'cmaes'", given, SPECS);
        double sigma0 = settings.number("sigma0", 0, 1);
        if (sigma0 == 0) {
            throw new InvalidStrategyException("strategy 'cmaes': setting 'sigma0' must be above 0, not 0");
        }
        Integer popsize = settings.has("popsize") ? settings.integer("popsize", 2, 10_000) : null;
        Object restarts = given == null ? null : given.get("restarts");
        boolean ipop = restarts instanceof Boolean ? settings.bool("restarts")
                : "ipop".equals(settings.string("restarts", "ipop", "none"));
        return new CmaEsSettings(sigma0, popsize, ipop, settings.bool("withMargin"),
                settings.integer("startupTrials", 0, 1000),
                "narrowest".equals(settings.string("stepScale", "narrowest", "each")),
                !"independent".equals(settings.string("sampling", "stratified", "orthogonal", "independent")),
                "stratified".equals(settings.string("sampling", "stratified", "orthogonal", "independent")));
    }
}
