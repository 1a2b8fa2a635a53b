package dev.hpo.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

import dev.hpo.backend.BackendRegistry;
import dev.hpo.backend.ExperimentBackend;
import dev.hpo.shared.InvalidInputException;
import dev.hpo.shared.UnusableInputException;
import dev.hpo.space.SpaceCodec;
import dev.hpo.stopping.StoppingCatalog;
import dev.hpo.strategy.catalog.StrategyCatalog;

/**
 * Turns a {@link StudyDraft} into a {@link NewStudy}: applies the defaults and checks everything against the
 * domain, throwing {@link UnusableInputException} (422) naming the field for input the service cannot use. The
 * definition (space, objectives, strategy, early stopping, budget) is checked and put in its stored form by the
 * {@link StudyDefinitionCodec}, the same one the loop reads it back with; the backend is checked here.
 *
 * <p>Defaults: the limits' ({@link StudyLimits#given}: {@code maxConcurrentExperiments} 1,
 * {@code maxRetriesPerExperiment} 1), strategy {@code auto} (gp or tpe by space, objectives and job budget, the
 * pick recorded in the settings as {@code resolvedTo}; ClearML's default {@code random} stays available by name), a random
 * seed below 2^53 (stored, so the study can be repeated, and exact in any JSON client), backend {@code queue}
 * with queue {@code default}, report period 5 minutes.
 */
@Component
public class StudyFactory {

    public static final double DEFAULT_REPORT_PERIOD_MINUTES = 5;
    public static final String DEFAULT_BACKEND = "queue";
    public static final String DEFAULT_QUEUE = "default";
    /** The strategy of a study that names none. */
    public static final String DEFAULT_STRATEGY = "auto";

    private final StudyDefinitionCodec codec;
    private final BackendRegistry backends;

    StudyFactory(StudyDefinitionCodec codec, BackendRegistry backends) {
        this.codec = codec;
        this.backends = backends;
    }

    /** The strategies a study may name. */
    public StrategyCatalog strategies() {
        return codec.strategies();
    }

    /** The early-stopping rules a study may name. */
    public StoppingCatalog stoppingRules() {
        return codec.stoppingRules();
    }

    /**
     * @param baseCommand the base experiment's command (null when it has none), which the chosen backend checks
     */
    public NewStudy build(StudyDraft draft, List<String> baseCommand) {
        StudyLimits limits = draft.limits();
        requireFinitePositive("optimizationTimeLimitMinutes", limits.optimizationTimeLimitMinutes());
        requireFinitePositive("computeTimeLimitMinutes", limits.computeTimeLimitMinutes());
        requireFinitePositive("timeLimitPerJobMinutes", limits.timeLimitPerJobMinutes());
        requireFinitePositive("reportPeriodMinutes", draft.reportPeriodMinutes());

        StudyDraft.StrategyDraft strategy = draft.strategy() == null
                ? new StudyDraft.StrategyDraft(null, null, null) : draft.strategy();
        StudyDefinition definition = codec.decodeNew(new StoredDefinition(draft.parameters(),
                objectives(draft.objectives()), strategy.name() != null ? strategy.name() : DEFAULT_STRATEGY,
                strategy.settings() == null ? Map.of() : strategy.settings(), earlyStopping(draft.earlyStopping()),
                limits));
        long seed = strategy.seed() != null ? strategy.seed() : ThreadLocalRandom.current().nextLong(1L << 53);

        String backend = draft.backend() != null ? draft.backend() : DEFAULT_BACKEND;
        requireBackend("backend", backend, baseCommand);
        String queue = queueFor(backend, draft.executionQueue());
        return new NewStudy(draft.name(), draft.baseExperimentId(), SpaceCodec.toJson(definition.space()),
                definition.objectives(), definition.strategyName(), definition.strategySettings(), seed,
                definition.earlyStopping(),
                backend, queue, limits, draft.saveTopKOnly(), draft.spawnProject(),
                draft.reportPeriodMinutes() == null ? DEFAULT_REPORT_PERIOD_MINUTES : draft.reportPeriodMinutes());
    }

    /**
     * Throws 422 unless {@code name} is a backend this service may use (saying how to enable a disabled one) and
     * that can run experiments of a base experiment with {@code baseCommand} (see {@link ExperimentBackend#validate}).
     */
    public void requireBackend(String field, String name, List<String> baseCommand) {
        ExperimentBackend backend = backends.find(name).orElseThrow(() -> new UnusableInputException(field,
                "unknown backend '" + name + "' (known: " + String.join(", ", backends.names()) + ")"));
        if (!backend.enabled()) {
            throw new UnusableInputException(field, "the '" + name + "' backend is disabled on this service"
                    + backend.howToEnable() + "; enabled backends: " + String.join(", ", backends.enabledNames()));
        }
        backend.validate(baseCommand);
    }

    /**
     * The queue a backend's experiments wait in: for one that {@linkplain ExperimentBackend#usesQueue uses a queue}
     * the given one or {@code default}; none otherwise, so the stored {@code execution_queue} alone says whether
     * workers may lease the study's experiments.
     */
    public String queueFor(String backend, String executionQueue) {
        if (!backends.find(backend).map(ExperimentBackend::usesQueue).orElse(false)) {
            return null;
        }
        return executionQueue == null ? DEFAULT_QUEUE : executionQueue;
    }

    /** The draft's objectives in the stored form, for the codec to check. */
    private static List<Map<String, String>> objectives(List<StudyDraft.ObjectiveDraft> drafts) {
        List<Map<String, String>> objectives = new ArrayList<>(drafts.size());
        for (StudyDraft.ObjectiveDraft d : drafts) {
            Map<String, String> one = new LinkedHashMap<>();
            one.put("title", d.title());
            one.put("series", d.series());
            one.put("sign", d.sign());
            objectives.add(one);
        }
        return objectives;
    }

    private static EarlyStopping earlyStopping(StudyDraft.StoppingDraft draft) {
        return draft == null ? null
                : new EarlyStopping(draft.rule(), draft.settings() == null ? Map.of() : draft.settings());
    }

    private static void requireFinitePositive(String field, Double value) {
        if (value != null && !(Double.isFinite(value) && value > 0)) {
            throw new InvalidInputException(field, "must be a finite number greater than 0");
        }
    }
}
