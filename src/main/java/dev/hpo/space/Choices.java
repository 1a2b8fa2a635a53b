package dev.hpo.space;

import java.math.BigInteger;
import java.util.Map;
import java.util.Set;

import org.apache.commons.rng.UniformRandomProvider;

/** Grid, sampling and membership of a {@link ParameterSet}: which combination, then its entries. */
final class Choices {

    private Choices() {
    }

    /** The sum over combinations of the product of their entries' grid sizes. */
    static BigInteger size(ParameterSet set) {
        BigInteger total = BigInteger.ZERO;
        for (Map<String, Object> combination : set.combinations()) {
            total = total.add(size(combination));
        }
        return total;
    }

    private static BigInteger size(Map<String, Object> combination) {
        BigInteger product = BigInteger.ONE;
        for (Object entry : combination.values()) {
            product = product.multiply(BigInteger.valueOf(Dimensions.size(entry)));
        }
        return product;
    }

    /** Writes grid point {@code index} of the set (combinations in order, last key fastest) into {@code point}. */
    static void gridValues(ParameterSet set, long index, Map<String, Object> point) {
        long rest = index;
        for (Map<String, Object> combination : set.combinations()) {
            long size = size(combination).longValueExact();
            if (rest < size) {
                Object[] entries = combination.values().toArray();
                String[] keys = combination.keySet().toArray(new String[0]);
                Object[] values = new Object[entries.length];
                for (int i = entries.length - 1; i >= 0; i--) {
                    long radix = Dimensions.size(entries[i]);
                    values[i] = Dimensions.gridValue(entries[i], rest % radix);
                    rest /= radix;
                }
                for (int i = 0; i < keys.length; i++) {
                    point.put(keys[i], values[i]);
                }
                return;
            }
            rest -= size;
        }
        throw new IllegalArgumentException("index " + index + " is outside the grid of set '" + set.name() + "'");
    }

    static void sample(ParameterSet set, UniformRandomProvider random, Map<String, Object> point) {
        Map<String, Object> combination = set.combinations().get(random.nextInt(set.combinations().size()));
        combination.forEach((key, entry) -> point.put(key, Dimensions.sample(entry, random)));
    }

    /**
     * The combination a point took: the one whose keys are exactly the point's keys among those the set can
     * produce, each value held. Null when no combination fits.
     */
    static Map<String, Object> match(ParameterSet set, Map<String, Object> point) {
        Set<String> keys = keys(set);
        long present = point.keySet().stream().filter(keys::contains).count();
        for (Map<String, Object> combination : set.combinations()) {
            if (combination.size() == present && holdsAll(combination, point)) {
                return combination;
            }
        }
        return null;
    }

    private static boolean holdsAll(Map<String, Object> combination, Map<String, Object> point) {
        for (Map.Entry<String, Object> entry : combination.entrySet()) {
            if (!point.containsKey(entry.getKey()) || Dimensions.held(entry.getValue(), point.get(entry.getKey())) == null) {
                return false;
            }
        }
        return true;
    }

    /** Every key any combination sets, in first-seen order. */
    static Set<String> keys(ParameterSet set) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        set.combinations().forEach(combination -> keys.addAll(combination.keySet()));
        return keys;
    }
}
