package dev.hpo.strategy.grid;

import java.util.List;
import java.util.Map;

import dev.hpo.objective.Objective;
import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.settings.SettingSpec;
import dev.hpo.settings.Settings;
import dev.hpo.space.InvalidSpaceException;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.trial.Budget;

/**
 * {@code grid}: every point of the search space's grid, in grid order (the last parameter varying fastest);
 * continuous ranges are cut into {@link SearchSpace#DEFAULT_GRID_INTERVALS} intervals. Takes no settings. A grid
 * larger than {@link SearchSpace#MAX_GRID_SIZE} is rejected when the study is created. A point that repeats an
 * earlier grid point (overlapping combinations of a parameter set) is skipped, so no point is suggested twice.
 */
public final class GridStrategySpec implements StrategySpec {

    @Override
    public String name() {
        return "grid";
    }

    @Override
    public String description() {
        return "Every point of the search space's grid in order (continuous ranges cut into "
                + SearchSpace.DEFAULT_GRID_INTERVALS + " intervals); ends when the grid is enumerated.";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of();
    }

    @Override
    public SearchStrategy create(Map<String, Object> settings, SearchSpace space, List<Objective> objectives,
                                 Budget budget) {
        Settings.validate("strategy 'grid'", settings, settings());
        try {
            return new GridStrategy(new DistinctGrid(space));
        } catch (InvalidSpaceException e) {
            throw new InvalidStrategyException(e.getMessage());
        }
    }
}
