package dev.hpo.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hpo.objective.MetricSummary;
import dev.hpo.objective.Objective;

/**
 * Brings a study's rows and objective summaries up to date for a tick. The first tick of a model loads them all;
 * later ticks reload only the unsettled experiments (active, not taken in yet, or ended in the last
 * {@link #SETTLING} seconds), since an ended experiment takes no more reports. So a tick over a study with
 * thousands of ended experiments reads a handful of rows.
 */
@Component
class HistoryLoader {

    /** How long after its end an experiment is still re-read (a report racing with the end may land late). */
    static final Duration SETTLING = Duration.ofSeconds(10);

    private final LoopStore store;
    private final StudyModels models;

    HistoryLoader(LoopStore store, StudyModels models) {
        this.store = store;
        this.models = models;
    }

    StudyHistory load(StudyModel model, Instant now) {
        if (!model.loaded || !refresh(model, now)) {
            loadAll(model);
        }
        models.loadParameters(model, model.rows.size());
        return new StudyHistory(model, model.rows, model.summaries);
    }

    private void loadAll(StudyModel model) {
        model.rows.clear();
        model.rows.addAll(store.experiments(model.studyId));
        model.summaries.clear();
        for (Objective objective : model.objectives) {
            model.summaries.add(new HashMap<>(store.summaries(model.studyId, objective.title(), objective.series())));
        }
        model.loaded = true;
    }

    /** Applies the unsettled rows; false when they do not fit the rows known (then everything is reloaded). */
    private boolean refresh(StudyModel model, Instant now) {
        List<ExperimentRow> fresh = store.unsettledExperiments(model.studyId, now.minus(SETTLING));
        List<UUID> ids = new ArrayList<>(fresh.size());
        for (ExperimentRow row : fresh) {
            if (row.number() < model.rows.size()) {
                if (!model.rows.get(row.number()).id().equals(row.id())) {
                    return false;
                }
                model.rows.set(row.number(), row);
            } else if (row.number() == model.rows.size()) {
                model.rows.add(row);
            } else {
                return false;
            }
            ids.add(row.id());
        }
        for (int i = 0; i < model.objectives.size(); i++) {
            Objective objective = model.objectives.get(i);
            Map<UUID, MetricSummary> cached = model.summaries.get(i);
            ids.forEach(cached::remove);
            cached.putAll(store.summaries(ids, objective.title(), objective.series()));
        }
        return true;
    }
}
