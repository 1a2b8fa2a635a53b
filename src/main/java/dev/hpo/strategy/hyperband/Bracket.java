package dev.hpo.strategy.hyperband;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The progress of one running bracket, as saved in the strategy state: the trial numbers launched in each rung
 * so far, the configurations (by the trial they come from) still to be promoted into the current rung, and how
 * many new configurations its first rung takes (fewer than planned only when the space ran out of new ones).
 * Mutable while one suggestion is worked out; written back with {@link #toMap}.
 */
final class Bracket {

    final int index;
    final int s;
    int rung;
    int firstRungSize;
    final List<List<Integer>> members;
    final List<Integer> promotions;

    Bracket(int index, int s, int firstRungSize) {
        this(index, s, 0, firstRungSize, new ArrayList<>(List.of(new ArrayList<>())), new ArrayList<>());
    }

    private Bracket(int index, int s, int rung, int firstRungSize, List<List<Integer>> members,
                    List<Integer> promotions) {
        this.index = index;
        this.s = s;
        this.rung = rung;
        this.firstRungSize = firstRungSize;
        this.members = members;
        this.promotions = promotions;
    }

    List<Integer> currentMembers() {
        return members.get(rung);
    }

    /** Moves to the next rung with the configurations of {@code promoted} (trial numbers) to relaunch. */
    void promote(List<Integer> promoted) {
        rung++;
        members.add(new ArrayList<>());
        promotions.clear();
        promotions.addAll(promoted);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("index", index);
        map.put("s", s);
        map.put("rung", rung);
        map.put("firstRungSize", firstRungSize);
        List<List<Integer>> rungs = new ArrayList<>();
        for (List<Integer> rungMembers : members) {
            rungs.add(new ArrayList<>(rungMembers));
        }
        map.put("members", rungs);
        map.put("promotions", new ArrayList<>(promotions));
        return map;
    }

    @SuppressWarnings("unchecked")
    static Bracket fromMap(Object value) {
        Map<String, Object> map = (Map<String, Object>) value;
        List<List<Integer>> members = new ArrayList<>();
        for (Object rung : (List<?>) map.get("members")) {
            members.add(integers(rung));
        }
        return new Bracket(integer(map.get("index")), integer(map.get("s")), integer(map.get("rung")),
                integer(map.get("firstRungSize")), members, integers(map.get("promotions")));
    }

    /** JSON numbers may come back as any {@link Number}. */
    static int integer(Object value) {
        return ((Number) value).intValue();
    }

    static List<Integer> integers(Object value) {
        List<Integer> result = new ArrayList<>();
        for (Object item : (List<?>) value) {
            result.add(integer(item));
        }
        return result;
    }
}
