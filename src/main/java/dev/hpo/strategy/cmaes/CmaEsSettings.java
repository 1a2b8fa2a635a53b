package dev.hpo.strategy.cmaes;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hpo.strategy.InvalidStrategyException;
import dev.hpo.strategy.SettingSpec;

/**
 * The validated settings of {@code cmaes}.
 *
 * @param sigma0        initial step size as a fraction of every normalised range, in (0, 1]
 * @param popsize       population size of the first run, or null for {@code 4 + floor(3 ln n)}
 * @param restarts      IPOP restarts (population doubles) when a run converges
 * @param withMargin    keep integer and stepped dimensions exploring (Hamano et al. 2022)
 * @param startupTrials random experiments before CMA-ES starts (its first mean is then the best of them)
 */
record CmaEsSettings(double sigma0, Integer popsize, boolean restarts, boolean withMargin, int startupTrials) {

    static final List<SettingSpec> SPECS = List.of(
            new SettingSpec("sigma0", "number", 1.0 / 6,
                    "initial step size as a fraction of each parameter's search-scale range; 0 < sigma0 <= 1"),
            new SettingSpec("popsize", "integer", null,
                    "population size (default 4 + floor(3 ln n) for n numeric parameters); 2..10000"),
            new SettingSpec("restarts", "string", "ipop",
                    "'ipop' (or true): restart with a doubled population when a run converges; 'none' (or false)"),
            new SettingSpec("withMargin", "boolean", true,
                    "keep integer and stepped parameters exploring with the margin of Hamano et al. (2022)"),
            new SettingSpec("startupTrials", "integer", 0,
                    "random experiments before CMA-ES starts from the best of them; 0..1000"));

    private static final Set<String> NAMES = Set.of("sigma0", "popsize", "restarts", "withMargin", "startupTrials");

    static CmaEsSettings from(Map<String, Object> settings) {
        Map<String, Object> given = settings == null ? Map.of() : settings;
        for (String key : given.keySet()) {
            if (!NAMES.contains(key)) {
                throw new InvalidStrategyException("cmaes has no setting '" + key + "'; known settings: "
                        + String.join(", ", NAMES.stream().sorted().toList()));
            }
        }
        double sigma0 = number(given, "sigma0", 1.0 / 6);
        if (!(sigma0 > 0 && sigma0 <= 1)) {
            throw new InvalidStrategyException("cmaes setting 'sigma0' must be in (0, 1], not " + sigma0);
        }
        Integer popsize = given.get("popsize") == null ? null : integer(given, "popsize", 2, 10_000);
        int startupTrials = given.get("startupTrials") == null ? 0 : integer(given, "startupTrials", 0, 1000);
        return new CmaEsSettings(sigma0, popsize, restarts(given.get("restarts")),
                bool(given, "withMargin", true), startupTrials);
    }

    private static boolean restarts(Object value) {
        if (value == null || Boolean.TRUE.equals(value) || "ipop".equals(value) || "true".equals(value)) {
            return true;
        }
        if (Boolean.FALSE.equals(value) || "none".equals(value) || "false".equals(value)) {
            return false;
        }
        throw new InvalidStrategyException("cmaes setting 'restarts' must be 'ipop', 'none', true or false, not '"
                + value + "'");
    }

    private static double number(Map<String, Object> given, String key, double fallback) {
        Object value = given.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new InvalidStrategyException("cmaes setting '" + key + "' must be a number, not '" + value + "'");
        }
        return number.doubleValue();
    }

    private static int integer(Map<String, Object> given, String key, int min, int max) {
        Object value = given.get(key);
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || number.doubleValue() < min || number.doubleValue() > max) {
            throw new InvalidStrategyException("cmaes setting '" + key + "' must be an integer from " + min + " to "
                    + max + ", not '" + value + "'");
        }
        return number.intValue();
    }

    private static boolean bool(Map<String, Object> given, String key, boolean fallback) {
        Object value = given.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean flag)) {
            throw new InvalidStrategyException("cmaes setting '" + key + "' must be true or false, not '" + value + "'");
        }
        return flag;
    }
}
