package dev.hpo.strategy.hyperband;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The saved state of a Hyperband or BOHB study: how many brackets have been started, and the running ones,
 * oldest first. Mutable while one suggestion is worked out.
 */
final class HyperbandState {

    int started;
    final List<Bracket> brackets;

    private HyperbandState(int started, List<Bracket> brackets) {
        this.started = started;
        this.brackets = brackets;
    }

    static HyperbandState fromMap(Map<String, Object> state) {
        if (state == null || state.isEmpty()) {
            return new HyperbandState(0, new ArrayList<>());
        }
        List<Bracket> brackets = new ArrayList<>();
        for (Object bracket : (List<?>) state.get("brackets")) {
            brackets.add(Bracket.fromMap(bracket));
        }
        return new HyperbandState(Bracket.integer(state.get("started")), brackets);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("started", started);
        List<Map<String, Object>> saved = new ArrayList<>();
        for (Bracket bracket : brackets) {
            saved.add(bracket.toMap());
        }
        map.put("brackets", saved);
        return map;
    }
}
