package dev.hpo.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hpo.objective.Objective;

/**
 * Loads the first objective's intermediate values (the {@code scalar} rows) into the snapshot for studies whose
 * stopping rule or strategy reads them: those of running experiments every tick, those of an ended experiment
 * once (an ended experiment takes no more reports), and again for the experiments re-read after this replica
 * ended them.
 */
@Component
class IntermediateValues {

    private final LoopStore store;

    IntermediateValues(LoopStore store) {
        this.store = store;
    }

    /** {@code reread}: numbers of the experiments this tick re-read (those active or ended here at the last tick). */
    void load(StudySnapshot snapshot, Set<Integer> reread) {
        Objective objective = snapshot.model.firstObjective();
        List<ExperimentRow> rows = new ArrayList<>();
        Iterable<ExperimentRow> candidates = snapshot.intermediateComplete()
                ? reread.stream().map(snapshot::row).toList() : snapshot.experiments();
        for (ExperimentRow row : candidates) {
            boolean due = row.running() ? snapshot.firstObjectiveSummary(row) != null
                    : row.ended() && (!snapshot.hasIntermediate(row.id()) || reread.contains(row.number()));
            if (due) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            snapshot.intermediateComplete(true);
            return;
        }
        Map<UUID, NavigableMap<Long, Double>> loaded = store.series(rows.stream().map(ExperimentRow::id).toList(),
                objective.title(), objective.series());
        for (ExperimentRow row : rows) {
            snapshot.intermediate(row.id(), loaded.getOrDefault(row.id(), new TreeMap<>()));
            snapshot.refreshTrial(row.number());
        }
        snapshot.intermediateComplete(true);
    }
}
