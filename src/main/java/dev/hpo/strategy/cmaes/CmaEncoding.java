package dev.hpo.strategy.cmaes;

import java.util.ArrayList;
import java.util.List;

import dev.hpo.space.LogUniformRange;
import dev.hpo.space.NumericRange;
import dev.hpo.space.Parameter;
import dev.hpo.space.SearchSpace;

/**
 * Maps the space's top-level numeric parameters to CMA-ES coordinates in [0, 1] and back.
 *
 * <p>A dimension spans the range's search scale (the exponent for log-uniform ranges). A stepped or integer
 * range is widened by half a step on each side, so that every lattice value owns a cell of the same width
 * ({@code resolution / span}) and the end values are not half as likely as the others; the value of a
 * coordinate is the range's own {@link NumericRange#valueAt}, so rounding and "never past the maximum" are the
 * range's. A continuous range with {@code low == high} holds one value and is left out: there is nothing to search.
 */
record CmaEncoding(List<NumericRange> ranges, double[] origins, double[] spans, double[] cellWidths) {

    static CmaEncoding of(SearchSpace space) {
        List<NumericRange> ranges = new ArrayList<>();
        for (Parameter parameter : space.parameters()) {
            if (parameter instanceof NumericRange range && span(range) > 0) {
                ranges.add(range);
            }
        }
        int n = ranges.size();
        double[] origins = new double[n];
        double[] spans = new double[n];
        double[] cells = new double[n];
        for (int i = 0; i < n; i++) {
            NumericRange range = ranges.get(i);
            spans[i] = span(range);
            origins[i] = range.low() - range.resolution() / 2;
            cells[i] = range.resolution() / spans[i];
        }
        return new CmaEncoding(List.copyOf(ranges), origins, spans, cells);
    }

    private static double span(NumericRange range) {
        return range.high() - range.low() + range.resolution();
    }

    /**
     * Per dimension, the narrowest range over this one, with ranges in their natural units (the natural logarithm
     * of the values for a log-uniform range, the values otherwise, integers widened by half a step): scaling
     * {@code sigma0} by these gives every parameter the same step in its own units, as Optuna's
     * {@code sigma0 = min(range) / 6}.
     */
    double[] narrowestOverEach() {
        int n = spans.length;
        double[] natural = new double[n];
        double narrowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            natural[i] = ranges.get(i) instanceof LogUniformRange log ? spans[i] * Math.log(log.base()) : spans[i];
            narrowest = Math.min(narrowest, natural[i]);
        }
        double[] scales = new double[n];
        for (int i = 0; i < n; i++) {
            scales[i] = narrowest / natural[i];
        }
        return scales;
    }

    int dimension() {
        return ranges.size();
    }

    String name(int i) {
        return ranges.get(i).name();
    }

    /** True when dimension {@code i} holds a lattice of values (integer or stepped) and gets the margin. */
    boolean discrete(int i) {
        return cellWidths[i] > 0;
    }

    /** True when every dimension is a lattice: only then can two samples give exactly the same values. */
    boolean allDiscrete() {
        for (double cell : cellWidths) {
            if (!(cell > 0)) {
                return false;
            }
        }
        return true;
    }

    /** Number of lattice values of a discrete dimension. */
    int cells(int i) {
        return (int) Math.round(1 / cellWidths[i]);
    }

    /** The value the range holds for a normalised coordinate (clamped to [0, 1]). */
    Object valueAt(int i, double x) {
        double clamped = Math.min(1, Math.max(0, x));
        return ranges.get(i).valueAt(origins[i] + clamped * spans[i]);
    }

    /** The normalised coordinate of a value of the range (the centre of its cell for a lattice value). */
    double coordinateOf(int i, Object value) {
        return (ranges.get(i).coordinateOf(value) - origins[i]) / spans[i];
    }
}
