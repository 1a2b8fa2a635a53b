package dev.hpo.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link SearchSpace#canonicalKey}, {@link SearchSpace#pointId} and {@link SearchSpace#holds} with everything that
 * depends only on the space worked out once: every key the space can produce gets a slot in sorted key order, with
 * its quoted text and the entry that owns it; each set knows the slots of its keys and of each combination; each
 * range has its lattice arithmetic set up. A point then costs one look-up per key to drop its values into slots,
 * and one canonicalisation per value: no sorted copy of the point, no owners map, no BigDecimal for values that lie
 * on a lattice. Immutable, so one instance serves every thread.
 */
final class PointKeys {

    /** Stands for a key present with a null value; an absent key is a null slot. */
    private static final Object NULL_VALUE = new Object();

    /** A parameter set prepared for matching: the slots of the keys it can set and of each combination. */
    private record SetShape(int[] slots, int[][] combinationSlots, CompiledEntry[][] combinationEntries) {

        /**
         * As {@link Choices#match}: index of the first combination whose keys are exactly the set's keys the point
         * has, each value held; -1 when none fits.
         */
        int match(Object[] values) {
            int present = 0;
            for (int slot : slots) {
                if (values[slot] != null) {
                    present++;
                }
            }
            for (int c = 0; c < combinationSlots.length; c++) {
                if (combinationSlots[c].length == present && holdsAll(c, values)) {
                    return c;
                }
            }
            return -1;
        }

        private boolean holdsAll(int c, Object[] values) {
            int[] wanted = combinationSlots[c];
            for (int i = 0; i < wanted.length; i++) {
                Object value = values[wanted[i]];
                if (value == null || value == NULL_VALUE || combinationEntries[c][i].held(value) == null) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Who owns one key: a top-level parameter ({@code set < 0}), or set {@code set}, where the matched combination's
     * entry wins and, when none matched, the first combination that has the key.
     */
    private record Owner(int set, CompiledEntry fixed, CompiledEntry[] byCombination) {

        CompiledEntry entry(int[] matched) {
            if (set < 0) {
                return fixed;
            }
            int c = matched[set];
            return c >= 0 && byCombination[c] != null ? byCombination[c] : fixed;
        }
    }

    private final Map<String, Integer> slotByKey = new HashMap<>();
    private final String[] keys;
    private final String[] keyTexts;
    private final Owner[] owners;
    private final SetShape[] sets;
    /** Per parameter in space order: its index in {@link #sets}, or -1 when it is a single dimension. */
    private final int[] setIndex;
    /** Per parameter in space order: the slot of a single dimension's key. */
    private final int[] plainSlots;
    private final int textCapacity;
    /** Slot of the single dimension with the most values, whose value alone often tells points apart; or -1. */
    private final int probeSlot;

    PointKeys(List<Parameter> parameters) {
        Map<String, Owner> byKey = new TreeMap<>();
        List<ParameterSet> setList = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (parameter instanceof ParameterSet set) {
                owners(set, setList.size(), byKey);
                setList.add(set);
            } else {
                byKey.put(parameter.name(), new Owner(-1, new CompiledEntry(parameter), null));
            }
        }
        owners = byKey.values().toArray(new Owner[0]);
        keys = byKey.keySet().toArray(new String[0]);
        keyTexts = new String[owners.length];
        int capacity = 2;
        int slot = 0;
        for (String key : byKey.keySet()) {
            slotByKey.put(key, slot);
            StringBuilder text = new StringBuilder();
            quote(text, key);
            keyTexts[slot] = text.append(':').toString();
            capacity += keyTexts[slot].length() + 24;
            slot++;
        }
        textCapacity = capacity;
        sets = new SetShape[setList.size()];
        for (int s = 0; s < sets.length; s++) {
            sets[s] = shape(setList.get(s), byKey);
        }
        setIndex = new int[parameters.size()];
        plainSlots = new int[parameters.size()];
        int nextSet = 0;
        for (int p = 0; p < parameters.size(); p++) {
            setIndex[p] = parameters.get(p) instanceof ParameterSet ? nextSet++ : -1;
            plainSlots[p] = setIndex[p] < 0 ? slotByKey.get(parameters.get(p).name()) : -1;
        }
        int probe = -1;
        double most = 0;
        for (int p = 0; p < parameters.size(); p++) {
            if (setIndex[p] < 0 && valueCount(parameters.get(p)) > most) {
                most = valueCount(parameters.get(p));
                probe = plainSlots[p];
            }
        }
        probeSlot = probe;
    }

    /** How many values a single dimension holds; infinite for a continuous range. */
    private static double valueCount(Parameter parameter) {
        if (parameter instanceof UniformRange r) {
            return r.step() == null ? Double.POSITIVE_INFINITY : r.latticeSize();
        }
        if (parameter instanceof LogUniformRange r) {
            return r.step() == null ? Double.POSITIVE_INFINITY : r.latticeSize();
        }
        if (parameter instanceof IntegerRange r) {
            return r.latticeSize();
        }
        return ((DiscreteValues) parameter).values().size();
    }

    /** Records the owner of each key of the set: per combination, and the first combination that has it. */
    private static void owners(ParameterSet set, int index, Map<String, Owner> byKey) {
        List<Map<String, Object>> combinations = set.combinations();
        Set<String> keys = new LinkedHashSet<>();
        combinations.forEach(combination -> keys.addAll(combination.keySet()));
        for (String key : keys) {
            CompiledEntry[] byCombination = new CompiledEntry[combinations.size()];
            CompiledEntry first = null;
            for (int c = 0; c < combinations.size(); c++) {
                Object entry = combinations.get(c).get(key);
                if (entry != null) {
                    byCombination[c] = new CompiledEntry(entry);
                    first = first == null ? byCombination[c] : first;
                }
            }
            byKey.put(key, new Owner(index, first, byCombination));
        }
    }

    private SetShape shape(ParameterSet set, Map<String, Owner> byKey) {
        List<Map<String, Object>> combinations = set.combinations();
        Set<String> keys = new LinkedHashSet<>();
        int[][] combinationSlots = new int[combinations.size()][];
        CompiledEntry[][] entries = new CompiledEntry[combinations.size()][];
        for (int c = 0; c < combinations.size(); c++) {
            String[] names = combinations.get(c).keySet().toArray(new String[0]);
            keys.addAll(combinations.get(c).keySet());
            combinationSlots[c] = new int[names.length];
            entries[c] = new CompiledEntry[names.length];
            for (int i = 0; i < names.length; i++) {
                combinationSlots[c][i] = slotByKey.get(names[i]);
                entries[c][i] = byKey.get(names[i]).byCombination()[c];
            }
        }
        return new SetShape(keys.stream().mapToInt(slotByKey::get).toArray(), combinationSlots, entries);
    }

    /**
     * The point's values by slot ({@link #NULL_VALUE} for a null value, null for an absent key). A key the space
     * does not know makes it return null, or is passed over when {@code skipUnknown}.
     */
    private Object[] slots(Map<String, Object> point, boolean skipUnknown) {
        Object[] values = new Object[owners.length];
        for (Map.Entry<String, Object> entry : point.entrySet()) {
            Integer slot = slotByKey.get(entry.getKey());
            if (slot == null) {
                if (skipUnknown) {
                    continue;
                }
                return null;
            }
            values[slot] = entry.getValue() == null ? NULL_VALUE : entry.getValue();
        }
        return values;
    }

    private int[] matches(Object[] values) {
        int[] matched = new int[sets.length];
        for (int s = 0; s < sets.length; s++) {
            matched[s] = sets[s].match(values);
        }
        return matched;
    }

    /** As {@link SearchSpace#holds}. */
    boolean holds(Map<String, Object> point) {
        if (point == null) {
            return false;
        }
        Object[] values = slots(point, false);
        if (values == null) {
            return false;
        }
        int expectedKeys = 0;
        for (int p = 0; p < setIndex.length; p++) {
            if (setIndex[p] >= 0) {
                int c = sets[setIndex[p]].match(values);
                if (c < 0) {
                    return false;
                }
                expectedKeys += sets[setIndex[p]].combinationSlots()[c].length;
            } else {
                Object value = values[plainSlots[p]];
                if (value == null || value == NULL_VALUE || owners[plainSlots[p]].fixed().held(value) == null) {
                    return false;
                }
                expectedKeys++;
            }
        }
        return point.size() == expectedKeys;
    }

    /** As {@link SearchSpace#canonicalKey}. */
    String key(Map<String, Object> point) {
        Object[] values = slots(point, false);
        if (values == null) {
            return keyWithUnknownKeys(point);
        }
        int[] matched = matches(values);
        StringBuilder text = new StringBuilder(textCapacity).append('{');
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            if (text.length() > 1) {
                text.append(',');
            }
            text.append(keyTexts[i]);
            append(text, written(owners[i].entry(matched), values[i] == NULL_VALUE ? null : values[i]));
        }
        return text.append('}').toString();
    }

    /** As {@link SearchSpace#pointId}. */
    PointId id(Map<String, Object> point) {
        Object[] values = slots(point, false);
        if (values == null) {
            return new PointId(keyWithUnknownKeys(point));
        }
        int[] matched = matches(values);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            Object written = written(owners[i].entry(matched), values[i] == NULL_VALUE ? null : values[i]);
            if (written == null) {
                values[i] = NULL_VALUE;
            } else if (written instanceof Float f) {
                // only NaN or an infinity stays a raw Float, and it prints as the Double does
                values[i] = f.doubleValue();
            } else if (written instanceof String || written instanceof Long || written instanceof Double
                    || written instanceof Boolean) {
                // for these types equal objects and equal texts coincide (Double.equals: NaN = NaN, 0.0 != -0.0)
                values[i] = written;
            } else {
                return new PointId(key(point));
            }
        }
        return new PointId(values);
    }

    /**
     * A cheap necessary condition for equal keys: the canonical value of one single dimension, as {@link #id}
     * holds it ({@link #NULL_VALUE} for null, {@code ABSENT} when the key is missing). Two points whose probes are
     * both non-null and differ have different keys; null means "cannot tell", when the space has no single
     * dimension or the value is of another type.
     */
    Object probe(Map<String, Object> point) {
        if (probeSlot < 0) {
            return null;
        }
        String key = keys[probeSlot];
        Object value = point.get(key);
        if (value == null && !point.containsKey(key)) {
            return ABSENT;
        }
        Object written = written(owners[probeSlot].fixed(), value);
        if (written == null) {
            return NULL_VALUE;
        }
        if (written instanceof Float f) {
            return f.doubleValue();
        }
        return written instanceof String || written instanceof Long || written instanceof Double
                || written instanceof Boolean ? written : null;
    }

    /** Stands for a missing key in {@link #probe}. */
    private static final Object ABSENT = new Object();

    /** Keys the space does not know must be merged into the sorted order: the general, slower path. */
    private String keyWithUnknownKeys(Map<String, Object> point) {
        int[] matched = matches(slots(point, true));
        StringBuilder text = new StringBuilder(textCapacity).append('{');
        for (Map.Entry<String, Object> entry : new TreeMap<>(point).entrySet()) {
            if (text.length() > 1) {
                text.append(',');
            }
            quote(text, entry.getKey());
            text.append(':');
            Integer slot = slotByKey.get(entry.getKey());
            append(text, written(slot == null ? null : owners[slot].entry(matched), entry.getValue()));
        }
        return text.append('}').toString();
    }

    /** What a key writes for the value: its owner's canonical form, or the value normalised on its own. */
    private static Object written(CompiledEntry owner, Object value) {
        Object canonical = owner == null ? Checks.normalize(value) : owner.canonical(value);
        return canonical == null ? value : canonical;
    }

    private static void append(StringBuilder text, Object value) {
        if (value instanceof String s) {
            quote(text, s);
        } else {
            text.append(value);
        }
    }

    private static void quote(StringBuilder text, String s) {
        text.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\');
            }
            text.append(c);
        }
        text.append('"');
    }
}
