package dev.hpo.objective;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * NSGA-II's crowding distance of the members of one front: for each objective, the gap between a member's two
 * neighbours divided by the front's extent in that objective, summed over objectives. The best and worst member
 * of each objective get {@code +Infinity}, so boundary points are preferred; a front of one or two members is all
 * boundary. Larger means more isolated, which keeps a chosen subset of a front spread out.
 */
public final class CrowdingDistance {

    private CrowdingDistance() {
    }

    /** The distances of {@code front}, index for index. */
    public static double[] of(List<double[]> front) {
        int n = front.size();
        double[] distance = new double[n];
        if (n == 0) {
            return distance;
        }
        Pareto.checkLengths(front);
        int objectives = front.get(0).length;
        for (int m = 0; m < objectives; m++) {
            int objective = m;
            // sorted by this objective, ties by position, so the result does not depend on sort internals
            int[] order = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> Pareto.worstIfNaN(front.get(i)[objective])))
                    .mapToInt(Integer::intValue).toArray();
            double low = Pareto.worstIfNaN(front.get(order[0])[objective]);
            double high = Pareto.worstIfNaN(front.get(order[n - 1])[objective]);
            distance[order[0]] = Double.POSITIVE_INFINITY;
            distance[order[n - 1]] = Double.POSITIVE_INFINITY;
            double extent = high - low;
            if (!(extent > 0) || Double.isInfinite(extent)) {
                continue;
            }
            for (int k = 1; k < n - 1; k++) {
                double gap = Pareto.worstIfNaN(front.get(order[k + 1])[objective]) - Pareto.worstIfNaN(front.get(order[k - 1])[objective]);
                distance[order[k]] += gap / extent;
            }
        }
        return distance;
    }
}
