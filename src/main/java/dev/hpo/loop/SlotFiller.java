package dev.hpo.loop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.apache.commons.rng.UniformRandomProvider;

import dev.hpo.backend.LaunchRequest;
import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step 4 of a tick: asks the strategy once per free slot and creates the experiments it suggests, each appended
 * to the history as PENDING before the next call, with the strategy's state saved in the same transaction.
 * A suggestion equal to an earlier experiment (same canonical parameters and budget) is dropped, state and all, and
 * the strategy asked again with a generator salted by the attempt (deterministic, so a resumed study redraws the
 * same way); after {@link #MAX_REDRAWS} repeats the filling ends for this tick, and a study with nothing active
 * then completes as exhausted.
 */
@Component
class SlotFiller {

    /** Redraws after a suggestion that repeats an earlier experiment, before the tick gives up on the slot. */
    static final int MAX_REDRAWS = 16;
    private static final long REDRAW_SALT = 0x9E3779B97F4A7C15L;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final LoopStore store;
    private final IntermediateValues intermediateValues;
    private final JsonMapper json;
    private final LoopSettings settings;

    SlotFiller(LoopStore store, IntermediateValues intermediateValues, JsonMapper json, LoopSettings settings) {
        this.store = store;
        this.intermediateValues = intermediateValues;
        this.json = json;
        this.settings = settings;
    }

    /** What filling did. */
    record Filled(List<LaunchRequest> launches, int experimentsCreated, boolean duplicate) {
    }

    /**
     * Fills up to {@code free} slots. Throws {@link StrategyFailure} when the strategy throws, so the tick can
     * fail the study with the reason.
     */
    Filled fill(StudyRow study, StudyHistory history, int free, Instant now) {
        StudyModel model = history.model;
        int created = study.experimentsCreated();
        if (free <= 0 || model.exhaustedReason != null) {
            return new Filled(List.of(), created, false);
        }
        if (model.strategyNeedsIntermediate && !history.hasIntermediate()) {
            intermediateValues.load(history);
        }
        List<Trial> trials = history.trials();
        // canonical keys of experiments are fixed once created: computed once per experiment and kept
        for (int i = model.keysByNumber.size(); i < trials.size(); i++) {
            model.keysByNumber.add(key(model, trials.get(i).parameters(), trials.get(i).maxIteration()));
        }
        Set<String> seen = new HashSet<>(model.keysByNumber);
        Map<String, Object> state = study.strategyState() == null ? Map.of() : json.readValue(study.strategyState(), MAP);
        boolean stateChanged = false;
        boolean duplicate = false;
        List<LaunchRequest> launches = new ArrayList<>();
        for (int slot = 0; slot < free; slot++) {
            Suggestion suggestion = null;
            Map<String, Object> parameters = null;
            Long maxIteration = null;
            for (int attempt = 0; attempt <= MAX_REDRAWS; attempt++) {
                StrategyContext context = new StrategyContext(model.space, model.objectives,
                        Collections.unmodifiableList(trials), Collections.unmodifiableMap(state),
                        generator(study.seed(), trials.size(), attempt), model.budget);
                suggestion = ask(study, model, context);
                if (!(suggestion instanceof Suggestion.Point point)) {
                    break;
                }
                maxIteration = point.maxIteration() != null ? point.maxIteration() : study.maxIterationPerJob();
                parameters = new LinkedHashMap<>(point.parameters());
                if (seen.add(key(model, parameters, maxIteration))) {
                    break;
                }
                // A repeat: forget this answer (state included) and redraw with another generator.
                parameters = null;
            }
            if (suggestion.state() != null && (parameters != null || !(suggestion instanceof Suggestion.Point))) {
                state = suggestion.state();
                stateChanged = true;
            }
            if (suggestion instanceof Suggestion.Wait) {
                break;
            }
            if (suggestion instanceof Suggestion.Exhausted exhausted) {
                model.exhaustedReason = exhausted.reason() == null ? "exhausted" : exhausted.reason();
                break;
            }
            if (parameters == null) {
                duplicate = true;
                break;
            }
            int number = created++;
            UUID id = UUID.randomUUID();
            String name = experimentName(model.base.name(), parameters);
            String project = study.spawnProject() != null ? study.spawnProject() : model.base.project();
            // null unless the study's backend uses a queue (StudyFactory.queueFor decides it when the backend is chosen)
            store.insertExperiment(id, study.id(), number, name, project, json.writeValueAsString(parameters),
                    study.executionQueue(), maxIteration, now, settings.replicaId());
            Map<String, Object> frozen = ParameterValues.normalized(parameters);
            model.parametersByNumber.add(frozen);
            model.keysByNumber.add(key(model, frozen, maxIteration));
            ExperimentRow row = new ExperimentRow(id, number, "QUEUED", null, maxIteration, null, null, null, false, false);
            history.add(row);
            trials.add(new Trial(number, frozen, TrialState.PENDING, null, Collections.emptyNavigableMap(), maxIteration));
            launches.add(launchRequest(study, model, id, name, frozen, maxIteration));
        }
        if (stateChanged || created != study.experimentsCreated()) {
            store.saveProgress(study.id(), json.writeValueAsString(state), created);
        }
        return new Filled(launches, created, duplicate);
    }

    /**
     * The generator of a suggestion: {@code Seeds.forSuggestion(seed, number)} for the first draw, as the strategy
     * contract says; redraws after a repeated point get generators salted with the attempt, so a restarted
     * study redraws exactly the same way.
     */
    static UniformRandomProvider generator(long seed, int number, int attempt) {
        return Seeds.forSuggestion(attempt == 0 ? seed : seed ^ (REDRAW_SALT * attempt), number);
    }

    private static Suggestion ask(StudyRow study, StudyModel model, StrategyContext context) {
        Suggestion suggestion;
        try {
            suggestion = model.strategy.suggest(context);
        } catch (RuntimeException e) {
            throw new StrategyFailure(study.strategyName(), e);
        }
        if (suggestion == null) {
            throw new StrategyFailure(study.strategyName(), new IllegalStateException("returned no suggestion"));
        }
        return suggestion;
    }

    /** ClearML's naming: "{@code <base name>: k1=v1 k2=v2}", keys sorted. */
    static String experimentName(String baseName, Map<String, Object> parameters) {
        StringBuilder name = new StringBuilder(baseName).append(':');
        for (Map.Entry<String, Object> entry : new TreeMap<>(parameters).entrySet()) {
            name.append(' ').append(entry.getKey()).append('=').append(entry.getValue());
        }
        return name.toString();
    }

    /** Same point and same budget: a higher budget for the same point is a new experiment (multi-fidelity). */
    private static String key(StudyModel model, Map<String, Object> parameters, Long maxIteration) {
        return model.space.canonicalKey(parameters) + "@" + maxIteration;
    }

    LaunchRequest launchRequest(StudyRow study, StudyModel model, UUID id, String name,
                                        Map<String, Object> parameters, Long maxIteration) {
        Map<String, Object> merged = new LinkedHashMap<>(model.baseParameters);
        merged.putAll(parameters);
        return new LaunchRequest(id, study.id(), name, model.command, model.base.workingDirectory(),
                model.environment, merged, maxIteration);
    }

    /** The strategy threw: the study fails with this reason. */
    static final class StrategyFailure extends RuntimeException {
        StrategyFailure(String strategy, Throwable cause) {
            super("strategy '" + strategy + "' failed: " + cause.getMessage(), cause);
        }
    }
}
