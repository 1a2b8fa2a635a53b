package dev.hpo.loop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hpo.objective.Objective;

/**
 * Loads the first objective's intermediate values (the {@code scalar} rows) for a tick that needs them: those of
 * experiments still running every time, those of ended experiments once, into the study's memo, since an
 * ended experiment takes no more reports.
 */
@Component
class IntermediateValues {

    private final LoopStore store;

    IntermediateValues(LoopStore store) {
        this.store = store;
    }

    void load(StudyHistory history) {
        StudyModel model = history.model;
        Objective objective = model.firstObjective();
        List<UUID> active = new ArrayList<>();
        List<UUID> endedUnknown = new ArrayList<>();
        for (ExperimentRow row : history.experiments) {
            if (row.active()) {
                if (row.running() && history.firstObjectiveSummary(row) != null) {
                    active.add(row.id());
                }
            } else if (!model.endedIntermediate.containsKey(row.id())) {
                endedUnknown.add(row.id());
            }
        }
        if (!endedUnknown.isEmpty()) {
            Map<UUID, NavigableMap<Long, Double>> loaded = store.series(endedUnknown, objective.title(), objective.series());
            for (UUID id : endedUnknown) {
                model.endedIntermediate.put(id, loaded.getOrDefault(id, new TreeMap<>()));
            }
        }
        Map<UUID, NavigableMap<Long, Double>> all = new HashMap<>(model.endedIntermediate);
        all.putAll(store.series(active, objective.title(), objective.series()));
        history.withIntermediate(all);
    }
}
