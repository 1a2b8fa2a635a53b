package dev.hpo.strategy.random;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hpo.space.PointId;
import dev.hpo.space.SearchSpace;
import dev.hpo.trial.Trial;

/**
 * The ids of every point a history tried, kept between suggestions of one strategy instance so that a suggestion
 * costs what the history gained since the last one, not the whole history: the loop asks once per free slot and a
 * study of 100,000 experiments would otherwise re-index 100,000 points per slot.
 *
 * <p>It is only a memo: {@link #over} reuses it when the history still starts with the trials it indexed (an
 * experiment's parameters never change once created, so the same parameter object at the last indexed position
 * and a history at least as long means the indexed prefix is the same), and builds it again otherwise (another
 * history, a redecided tick that dropped appended trials, a reloaded snapshot). The answers are those of
 * {@link SearchSpace#triedPoints}: equal ids exactly when the canonical keys are equal.
 */
final class TriedIndex {

    private final SearchSpace space;
    private final Set<PointId> ids = new HashSet<>();
    private int indexed;
    private Map<String, Object> lastIndexed;

    private TriedIndex(SearchSpace space) {
        this.space = space;
    }

    /** {@code memo} brought up to {@code trials}, or a new index when it does not describe their prefix. */
    static TriedIndex over(TriedIndex memo, SearchSpace space, List<Trial> trials) {
        TriedIndex index = memo != null && memo.describesPrefixOf(space, trials) ? memo : new TriedIndex(space);
        for (int i = index.indexed; i < trials.size(); i++) {
            Map<String, Object> parameters = trials.get(i).parameters();
            index.ids.add(space.pointId(parameters));
            index.lastIndexed = parameters;
        }
        index.indexed = trials.size();
        return index;
    }

    private boolean describesPrefixOf(SearchSpace otherSpace, List<Trial> trials) {
        if (!space.equals(otherSpace) || trials.size() < indexed) {
            return false;
        }
        return indexed == 0 || trials.get(indexed - 1).parameters() == lastIndexed;
    }

    /** True when a tried point has the same canonical key as {@code point}. */
    boolean contains(Map<String, Object> point) {
        return ids.contains(space.pointId(point));
    }

    /** Number of distinct points tried. */
    int distinctCount() {
        return ids.size();
    }
}
