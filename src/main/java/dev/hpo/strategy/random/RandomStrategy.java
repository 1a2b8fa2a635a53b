package dev.hpo.strategy.random;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.commons.rng.UniformRandomProvider;

import dev.hpo.space.SearchSpace;
import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.Trial;

/**
 * Rejection sampling against the history: draw a point from the context's generator and take it unless an earlier
 * experiment (in any state) has the same {@link SearchSpace#canonicalKey} (asked through
 * {@link SearchSpace#triedPoints}, which answers the same, cheaper; kept between calls by {@link TriedIndex}, so a
 * suggestion costs what the history gained since the last one).
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
    /** The tried points of the last history asked about (see {@link TriedIndex}); guarded by {@code this}. */
    private TriedIndex memo;

    RandomStrategy(int maxDraws, OptionalLong finiteSize) {
        this.maxDraws = maxDraws;
        this.finiteSize = finiteSize;
    }

    @Override
    public Suggestion suggest(StrategyContext context) {
        SearchSpace space = context.space();
        List<Trial> history = context.trials();
        TriedIndex used = tried(space, history);
        UniformRandomProvider random = context.random();
        // distinct points never outnumber the history
        boolean maybeFull = finiteSize.isPresent() && history.size() >= finiteSize.getAsLong()
                && used.distinctCount() >= finiteSize.getAsLong();
        if (!maybeFull) {
            for (int draw = 0; draw < maxDraws; draw++) {
                Map<String, Object> point = space.sample(random);
                if (!used.contains(point)) {
                    return new Suggestion.Point(point);
                }
            }
        }
        if (finiteSize.isEmpty()) {
            return new Suggestion.Exhausted("no new point in " + maxDraws + " random draws", null);
        }
        return pickUnused(space, used, random);
    }

    private synchronized TriedIndex tried(SearchSpace space, List<Trial> history) {
        memo = TriedIndex.over(memo, space, history);
        return memo;
    }

    /** Counts the unused grid points, then walks to a uniformly chosen one: no list of up to a grid's size. */
    private Suggestion pickUnused(SearchSpace space, TriedIndex used, UniformRandomProvider random) {
        long size = finiteSize.getAsLong();
        long unused = 0;
        for (long index = 0; index < size; index++) {
            if (!used.contains(space.gridPoint(index))) {
                unused++;
            }
        }
        if (unused == 0) {
            return new Suggestion.Exhausted("all " + size + " points of the space were tried", null);
        }
        long chosen = random.nextLong(unused);
        for (long index = 0; ; index++) {
            Map<String, Object> point = space.gridPoint(index);
            if (!used.contains(point) && chosen-- == 0) {
                return new Suggestion.Point(point);
            }
        }
    }
}
