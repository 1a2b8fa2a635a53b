package dev.hpo.strategy.grid;

import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;

/**
 * Suggestion {@code n} is grid point {@code n}. The history's length is the only state, so a restarted study
 * continues with the next point and the strategy saves nothing.
 */
final class GridStrategy implements SearchStrategy {

    private final long gridSize;

    GridStrategy(long gridSize) {
        this.gridSize = gridSize;
    }

    @Override
    public Suggestion suggest(StrategyContext context) {
        long next = context.trials().size();
        if (next >= gridSize) {
            return new Suggestion.Exhausted("grid of " + gridSize + " points enumerated", null);
        }
        return new Suggestion.Point(context.space().gridPoint(next));
    }
}
