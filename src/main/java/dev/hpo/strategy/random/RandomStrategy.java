package dev.hpo.strategy.random;

import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.apache.commons.rng.UniformRandomProvider;

import dev.hpo.space.PointId;
import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.strategy.Trial;

/**
 * Rejection sampling against the history: draw a point from the context's generator and take it unless an earlier
 * experiment (in any state) has the same {@link SearchSpace#canonicalKey} (compared through
 * {@link SearchSpace#pointId}, which is equivalent and cheaper).
 *
 * <p>When {@code maxDraws} draws in a row collide: on a finite space the unused grid points are listed and one is
 * picked uniformly (so a small space is covered completely, and the suggestion stays uniform over the unused
 * points), or {@link Suggestion.Exhausted} when none is left; on a continuous space that run of collisions means
 * the space is used up in practice, and it is {@link Suggestion.Exhausted} as well. A finite space whose history
 * already holds as many distinct points as the grid goes straight to that check. Only history and generator are
 * read, so nothing is saved.
 */
final class RandomStrategy implements SearchStrategy {

    private final int maxDraws;
    private final OptionalLong finiteSize;

    RandomStrategy(int maxDraws, OptionalLong finiteSize) {
        this.maxDraws = maxDraws;
        this.finiteSize = finiteSize;
    }

    @Override
    public Suggestion suggest(StrategyContext context) {
        SearchSpace space = context.space();
        Set<PointId> used = new HashSet<>();
        for (Trial trial : context.trials()) {
            used.add(space.pointId(trial.parameters()));
        }
        UniformRandomProvider random = context.random();
        boolean maybeFull = finiteSize.isPresent() && used.size() >= finiteSize.getAsLong();
        if (!maybeFull) {
            for (int draw = 0; draw < maxDraws; draw++) {
                Map<String, Object> point = space.sample(random);
                if (!used.contains(space.pointId(point))) {
                    return new Suggestion.Point(point);
                }
            }
        }
        if (finiteSize.isEmpty()) {
            return new Suggestion.Exhausted("no new point in " + maxDraws + " random draws", null);
        }
        return pickUnused(space, used, random);
    }

    /** Counts the unused grid points, then walks to a uniformly chosen one: no list of up to a grid's size. */
    private Suggestion pickUnused(SearchSpace space, Set<PointId> used, UniformRandomProvider random) {
        long size = finiteSize.getAsLong();
        long unused = 0;
        for (long index = 0; index < size; index++) {
            if (!used.contains(space.pointId(space.gridPoint(index)))) {
                unused++;
            }
        }
        if (unused == 0) {
            return new Suggestion.Exhausted("all " + size + " points of the space were tried", null);
        }
        long chosen = random.nextLong(unused);
        for (long index = 0; ; index++) {
            Map<String, Object> point = space.gridPoint(index);
            if (!used.contains(space.pointId(point)) && chosen-- == 0) {
                return new Suggestion.Point(point);
            }
        }
    }
}
