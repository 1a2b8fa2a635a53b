package dev.hpo.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical key and membership as they were computed before {@link PointKeys}: owners per call, a sorted copy of the
 * point. Tests compare the prepared look-ups against it.
 */
final class LegacyCanonicalKey {

    private LegacyCanonicalKey() {
    }

    static String of(SearchSpace space, Map<String, Object> point) {
        Map<String, Object> owners = owners(space, point);
        StringBuilder text = new StringBuilder("{");
        for (Map.Entry<String, Object> entry : new TreeMap<>(point).entrySet()) {
            if (text.length() > 1) {
                text.append(',');
            }
            quote(text, entry.getKey());
            text.append(':');
            Object owner = owners.get(entry.getKey());
            Object value = owner == null ? Checks.normalize(entry.getValue()) : Dimensions.canonical(owner, entry.getValue());
            append(text, value == null ? entry.getValue() : value);
        }
        return text.append('}').toString();
    }

    static boolean holds(SearchSpace space, Map<String, Object> point) {
        if (point == null) {
            return false;
        }
        int expectedKeys = 0;
        for (Parameter parameter : space.parameters()) {
            if (parameter instanceof ParameterSet set) {
                Map<String, Object> combination = Choices.match(set, point);
                if (combination == null) {
                    return false;
                }
                expectedKeys += combination.size();
            } else {
                if (!point.containsKey(parameter.name()) || Dimensions.held(parameter, point.get(parameter.name())) == null) {
                    return false;
                }
                expectedKeys++;
            }
        }
        return point.size() == expectedKeys;
    }

    private static Map<String, Object> owners(SearchSpace space, Map<String, Object> point) {
        Map<String, Object> owners = new HashMap<>();
        for (Parameter parameter : space.parameters()) {
            if (parameter instanceof ParameterSet set) {
                Map<String, Object> matched = Choices.match(set, point);
                List<Map<String, Object>> order = new ArrayList<>();
                if (matched != null) {
                    order.add(matched);
                }
                order.addAll(set.combinations());
                for (Map<String, Object> combination : order) {
                    combination.forEach(owners::putIfAbsent);
                }
            } else {
                owners.put(parameter.name(), parameter);
            }
        }
        return owners;
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
