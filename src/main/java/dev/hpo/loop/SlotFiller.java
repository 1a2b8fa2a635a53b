package dev.hpo.loop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.rng.UniformRandomProvider;

import dev.hpo.strategy.Seeds;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;

/**
 * Step 4 of a tick, as a decision: asks the strategy once per free slot for the experiments to create, each
 * appended to the trials as PENDING before the next call. A suggestion equal to an earlier experiment (same
 * canonical parameters and budget) is dropped, state and all, and the strategy asked again with a generator
 * salted by the attempt (deterministic, so a resumed study redraws the same way); after {@link #MAX_REDRAWS}
 * repeats the filling ends for this tick, and a study with nothing active then completes as exhausted.
 * Plain Java: the strategy is the only thing it calls.
 */
final class SlotFiller {

    /** Redraws after a suggestion that repeats an earlier experiment, before the tick gives up on the slot. */
    static final int MAX_REDRAWS = 16;
    private static final long REDRAW_SALT = 0x9E3779B97F4A7C15L;

    private SlotFiller() {
    }

    /**
     * What filling decided.
     *
     * @param state           the strategy's new state, or null when unchanged
     * @param exhaustedReason set when the strategy said it is exhausted in this fill
     * @param duplicate       the strategy kept repeating earlier points
     */
    record Filled(List<NewExperiment> created, Map<String, Object> state, String exhaustedReason,
                  boolean duplicate) {

        static Filled nothing() {
            return new Filled(List.of(), null, null, false);
        }
    }

    /**
     * Fills up to {@code free} slots given the trials as the tick left them. Throws {@link StrategyFailure} when
     * the strategy throws or answers nothing, so the tick can fail the study with the reason.
     */
    static Filled fill(StudySnapshot snapshot, TrialsView trials, int free, Map<String, Object> storedState) {
        StudyModel model = snapshot.model;
        StudyRow study = snapshot.study();
        if (free <= 0 || snapshot.exhaustedReason() != null) {
            return Filled.nothing();
        }
        Set<String> seenHere = new HashSet<>();
        Map<String, Object> state = storedState;
        boolean stateChanged = false;
        String exhausted = null;
        boolean duplicate = false;
        List<NewExperiment> created = new ArrayList<>();
        int number = study.experimentsCreated();
        for (int slot = 0; slot < free; slot++) {
            Suggestion suggestion = null;
            Map<String, Object> parameters = null;
            Long maxIteration = null;
            for (int attempt = 0; attempt <= MAX_REDRAWS; attempt++) {
                StrategyContext context = new StrategyContext(model.space, model.objectives, trials,
                        Collections.unmodifiableMap(state), generator(study.seed(), trials.size(), attempt),
                        model.budget);
                suggestion = ask(study, model, context);
                if (!(suggestion instanceof Suggestion.Point point)) {
                    break;
                }
                maxIteration = point.maxIteration() != null ? point.maxIteration() : model.limits.maxIterationPerJob();
                parameters = new LinkedHashMap<>(point.parameters());
                String key = snapshot.key(parameters, maxIteration);
                if (!snapshot.tried(key) && seenHere.add(key)) {
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
            if (suggestion instanceof Suggestion.Exhausted end) {
                exhausted = end.reason() == null ? "exhausted" : end.reason();
                break;
            }
            if (parameters == null) {
                duplicate = true;
                break;
            }
            Map<String, Object> frozen = ParameterValues.normalized(parameters);
            seenHere.add(snapshot.key(frozen, maxIteration));
            String name = experimentName(model.base.name(), parameters);
            String project = study.spawnProject() != null ? study.spawnProject() : model.base.project();
            // null unless the study's backend uses a queue (StudyFactory.queueFor decides it when the backend is chosen)
            created.add(new NewExperiment(number, name, project, frozen, study.executionQueue(), maxIteration));
            trials.append(new Trial(number, frozen, TrialState.PENDING, null, Collections.emptyNavigableMap(),
                    maxIteration));
            number++;
        }
        return new Filled(created, stateChanged ? state : null, exhausted, duplicate);
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

    /** The strategy threw: the study fails with this reason. */
    static final class StrategyFailure extends RuntimeException {
        StrategyFailure(String strategy, Throwable cause) {
            super("strategy '" + strategy + "' failed: " + cause.getMessage(), cause);
        }
    }
}
