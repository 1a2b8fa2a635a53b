package dev.hpo.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The points a study already tried, for asking "was this point tried?" (same {@link SearchSpace#canonicalKey}) a
 * few times per suggestion. Build one per call with {@link SearchSpace#triedPoints}; not thread-safe.
 *
 * <p>Most suggestions ask once or twice, so the first questions do not index the whole history: they compare one
 * value per tried point (that of the single dimension with the most values, which almost always differs) and look
 * at whole points only where it agrees. From the {@value #SCANS_BEFORE_INDEX}th question on, or when asked for
 * {@link #distinctCount}, every tried point is indexed by its {@link PointId} once.
 */
public final class TriedPoints {

    /** Questions answered by scanning before the history is indexed. */
    static final int SCANS_BEFORE_INDEX = 3;

    private final SearchSpace space;
    private final PointKeys keys;
    private final List<Map<String, Object>> points;
    private Set<PointId> index;
    private int scans;

    TriedPoints(SearchSpace space, PointKeys keys, List<? extends Map<String, Object>> points) {
        this.space = space;
        this.keys = keys;
        this.points = new ArrayList<>(points);
    }

    /** True when a tried point has the same canonical key as {@code point}. */
    public boolean contains(Map<String, Object> point) {
        PointId id = space.pointId(point);
        if (index == null && ++scans >= SCANS_BEFORE_INDEX) {
            index();
        }
        if (index != null) {
            return index.contains(id);
        }
        Object probe = keys.probe(point);
        for (Map<String, Object> tried : points) {
            if (probe != null) {
                Object other = keys.probe(tried);
                if (other != null && !other.equals(probe)) {
                    continue;
                }
            }
            if (space.pointId(tried).equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Counts {@code point} as tried from now on (a strategy that proposes several points in one call). */
    public void add(Map<String, Object> point) {
        points.add(point);
        if (index != null) {
            index.add(space.pointId(point));
        }
    }

    /** Number of distinct points tried (points with equal canonical keys count once). */
    public int distinctCount() {
        index();
        return index.size();
    }

    private void index() {
        if (index == null) {
            index = new HashSet<>();
            for (Map<String, Object> tried : points) {
                index.add(space.pointId(tried));
            }
        }
    }
}
