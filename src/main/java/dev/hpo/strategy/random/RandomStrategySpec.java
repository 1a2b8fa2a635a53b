package dev.hpo.strategy.random;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import dev.hpo.objective.Objective;
import dev.hpo.settings.SettingSpec;
import dev.hpo.settings.Settings;
import dev.hpo.space.InvalidSpaceException;
import dev.hpo.space.LogUniformRange;
import dev.hpo.space.Parameter;
import dev.hpo.space.ParameterSet;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.UniformRange;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.trial.Budget;

/**
 * {@code random}: uniform samples of the search space that never repeat an earlier experiment's point; on a
 * finite space it ends once every point was tried. See {@link RandomStrategy}.
 */
public final class RandomStrategySpec implements StrategySpec {

    /** Default of {@code maxDraws}. */
    public static final int DEFAULT_MAX_DRAWS = 100;

    private static final List<SettingSpec> SETTINGS = List.of(
            new SettingSpec("maxDraws", "integer", DEFAULT_MAX_DRAWS,
                    "Draws that may in a row hit an already tried point before a finite space is searched for the "
                            + "points left, or a continuous one is declared used up; 1 to 1000000."));

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "Uniform random samples of the space, never repeating a point; ends when a finite space is used up.";
    }

    @Override
    public List<SettingSpec> settings() {
        return SETTINGS;
    }

    @Override
    public SearchStrategy create(Map<String, Object> settings, SearchSpace space, List<Objective> objectives,
                                 Budget budget) {
        Settings checked = Settings.validate("strategy 'random'", settings, SETTINGS);
        return new RandomStrategy(checked.integer("maxDraws", 1, 1_000_000), finiteSize(space));
    }

    /**
     * The number of points of a space whose every parameter holds finitely many values (stepped, integer,
     * discrete, sets of those), when that grid is small enough to enumerate; empty otherwise.
     */
    static OptionalLong finiteSize(SearchSpace space) {
        for (Parameter parameter : space.parameters()) {
            if (continuous(parameter)) {
                return OptionalLong.empty();
            }
            if (parameter instanceof ParameterSet set) {
                for (Map<String, Object> combination : set.combinations()) {
                    for (Object value : combination.values()) {
                        if (value instanceof Parameter nested && continuous(nested)) {
                            return OptionalLong.empty();
                        }
                    }
                }
            }
        }
        try {
            return OptionalLong.of(space.gridSize());
        } catch (InvalidSpaceException tooLarge) {
            return OptionalLong.empty();
        }
    }

    private static boolean continuous(Parameter parameter) {
        return (parameter instanceof UniformRange uniform && uniform.step() == null)
                || (parameter instanceof LogUniformRange log && log.step() == null);
    }
}
