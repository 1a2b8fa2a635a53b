package dev.hpo.strategy.hyperband;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The saved state of a Hyperband or BOHB study: how many brackets have been started, the position in the bracket
 * order of the next one (ahead of {@code started} by the brackets skipped as misleading), and the running ones,
 * oldest first. Mutable while one suggestion is worked out.
 */
final class HyperbandState {

    int started;
    int position;
    final List<Bracket> brackets;

    private HyperbandState(int started, int position, List<Bracket> brackets) {
        this.started = started;
        this.position = position;
        this.brackets = brackets;
    }

    static HyperbandState fromMap(Map<String, Object> state) {
        if (state == null || state.isEmpty()) {
            return new HyperbandState(0, 0, new ArrayList<>());
        }
        List<Bracket> brackets = new ArrayList<>();
        for (Object bracket : (List<?>) state.get("brackets")) {
            brackets.add(Bracket.fromMap(bracket));
        }
        int started = Bracket.integer(state.get("started"));
        // states saved before brackets could be skipped have no position: it was the number started
        int position = state.containsKey("position") ? Bracket.integer(state.get("position")) : started;
        return new HyperbandState(started, position, brackets);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("started", started);
        map.put("position", position);
        List<Map<String, Object>> saved = new ArrayList<>();
        for (Bracket bracket : brackets) {
            saved.add(bracket.toMap());
        }
        map.put("brackets", saved);
        return map;
    }
}
