package dev.hpo.strategy.gp;

import java.util.List;
import java.util.Map;

import dev.hpo.settings.SettingSpec;
import dev.hpo.settings.Settings;

/**
 * The validated settings of a {@code gp} study.
 *
 * @param startupTrials    quasi-random experiments before the model is used; null for {@code min(10, 2 d)}
 *                         (d = the model's coordinates), at least 2
 * @param candidates       random candidates scored per suggestion before the local search
 * @param localStarts      candidates the coordinate search starts from (fewer beyond 150 modelled experiments)
 * @param fitLimit         the most experiments the hyper-parameter fit uses (evenly spread over the history when
 *                         there are more); the posterior uses up to {@code maxHistory}
 * @param maxHistory       the most completed experiments the model sees: beyond, the better half of that many and
 *                         the most recent ones
 * @param warp             whether the standardized losses go through a Yeo-Johnson power transform first
 */
record GpSettings(Integer startupTrials, int candidates, int localStarts, int fitLimit, int maxHistory,
                  boolean warp) {

    static final List<SettingSpec> SPECS = List.of(
            new SettingSpec("startupTrials", "integer", null,
                    "Quasi-random (shifted Halton) experiments before the model is used; default min(10, 2 x the "
                            + "number of modelled parameters), at least 2 (>= 1)."),
            new SettingSpec("candidates", "integer", 192,
                    "Random points scored by log expected improvement per suggestion, besides perturbations of the "
                            + "best experiments (>= 1)."),
            new SettingSpec("localStarts", "integer", 4,
                    "Best candidates refined by a coordinate search; beyond 150 modelled experiments proportionally "
                            + "fewer (at least 1), to bound a suggestion's cost (>= 0)."),
            new SettingSpec("fitLimit", "integer", 64,
                    "Most experiments the kernel's hyper-parameters are fitted on (evenly spread over the history "
                            + "beyond that; the prediction uses up to maxHistory) (>= 10)."),
            new SettingSpec("maxHistory", "integer", 500,
                    "Most completed experiments the model sees; beyond, the better half of that many and the most "
                            + "recent ones, so a suggestion's cost stops growing (>= 20)."),
            new SettingSpec("warp", "boolean", true,
                    "Pass the standardized losses through a Yeo-Johnson power transform (lambda by maximum likelihood, "
                            + "as HEBO) before fitting: tames a long tail of bad values; on by default."));

    static GpSettings from(Map<String, Object> settings) {
        Settings given = Settings.validate("strategy 'gp'", settings, SPECS);
        Integer startup = given.has("startupTrials") ? given.integer("startupTrials", 1, 10_000) : null;
        return new GpSettings(startup, given.integer("candidates", 1, 100_000), given.integer("localStarts", 0, 100),
                given.integer("fitLimit", 10, 2_000), given.integer("maxHistory", 20, 5_000),
                given.bool("warp"));
    }

    int startupFor(int dimension) {
        return startupTrials != null ? startupTrials : Math.max(2, Math.min(10, 2 * dimension));
    }
}
