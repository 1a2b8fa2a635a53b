package dev.hpo.strategy.grid;

import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;

/**
 * Suggestion {@code n} is point {@code n} of the grid with repeats left out ({@link DistinctGrid}): grid order,
 * skipping any point whose canonical key an earlier grid point already had. The history's length is the only
 * state, so a restarted study continues with the next point and the strategy saves nothing.
 */
final class GridStrategy implements SearchStrategy {

    private final DistinctGrid grid;

    GridStrategy(DistinctGrid grid) {
        this.grid = grid;
    }

    @Override
    public Suggestion suggest(StrategyContext context) {
        long next = context.trials().size();
        if (next >= grid.size()) {
            return new Suggestion.Exhausted("grid of " + grid.size() + " points enumerated", null);
        }
        return new Suggestion.Point(grid.point(next));
    }
}
