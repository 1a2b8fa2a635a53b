package dev.hpo.space;

import java.util.Arrays;

/**
 * A cheap stand-in for {@link SearchSpace#canonicalKey}, for de-duplication: two points of the same space get equal
 * ids exactly when they get equal canonical keys, but no text is built (printing a double with all its digits is
 * the main cost of a key). Holds the canonical values in the space's key order; a point with keys the space does
 * not know, or with values of other than JSON types, carries its canonical key instead.
 *
 * <p>Ids of different spaces must not be compared. Equality matches the keys for values of JSON types (strings,
 * numbers, booleans, null, lists, maps), which is everything a history holds.
 */
public final class PointId {

    private final Object[] values;
    private final String text;
    private final int hash;

    PointId(Object[] values) {
        this.values = values;
        this.text = null;
        this.hash = Arrays.hashCode(values);
    }

    PointId(String text) {
        this.values = null;
        this.text = text;
        this.hash = text.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PointId id && hash == id.hash
                && (text != null ? text.equals(id.text) : id.values != null && Arrays.equals(values, id.values));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return text != null ? text : "PointId" + Arrays.toString(values);
    }
}
