package dev.hpo.study;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

import dev.hpo.backend.BackendRegistry;
import dev.hpo.backend.ExperimentBackend;
import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.settings.InvalidStrategyException;
import dev.hpo.shared.InvalidInputException;
import dev.hpo.shared.JsonValues;
import dev.hpo.shared.UnusableInputException;
import dev.hpo.space.ExponentsLikeValues;
import dev.hpo.space.InvalidSpaceException;
import dev.hpo.space.SearchSpace;
import dev.hpo.space.SpaceCodec;
import dev.hpo.stopping.StoppingCatalog;
import dev.hpo.stopping.StoppingRuleSpec;
import dev.hpo.strategy.StrategySpec;
import dev.hpo.strategy.catalog.StrategyCatalog;
import dev.hpo.trial.Budget;

/**
 * Turns a {@link StudyDraft} into a {@link NewStudy}: applies the defaults and checks everything against the
 * domain, throwing {@link UnusableInputException} (422) naming the field for input the service cannot use.
 *
 * <p>Defaults: {@code maxConcurrentExperiments} 1 (ClearML's is 10; one at a time is safe for the process
 * backend on a small host and makes a seeded study exactly reproducible; raise it for queue workers),
 * strategy {@code auto} (gp or tpe by space, objectives and job budget, the pick recorded in the settings as
 * {@code resolvedTo}; ClearML's default {@code random} stays available by name), a random
 * seed below 2^53 (stored, so the study can be repeated, and exact in any JSON client), backend {@code queue}
 * with queue {@code default}, report period 5 minutes.
 */
@Component
public class StudyFactory {

    public static final int DEFAULT_MAX_CONCURRENT = 1;
    public static final double DEFAULT_REPORT_PERIOD_MINUTES = 5;
    public static final String DEFAULT_BACKEND = "queue";
    public static final String DEFAULT_QUEUE = "default";
    /**
     * A lost experiment (its worker or the service died under it) runs once more by default: a restart of the
     * service or a preempted worker should not cost the study a result. 0 restores fail-at-once.
     */
    public static final int DEFAULT_RETRIES_PER_EXPERIMENT = 1;
    /** The strategy of a study that names none. */
    public static final String DEFAULT_STRATEGY = "auto";

    private final StrategyCatalog strategies = StrategyCatalog.standard();
    private final StoppingCatalog stoppingRules = StoppingCatalog.standard();
    private final BackendRegistry backends;

    StudyFactory(BackendRegistry backends) {
        this.backends = backends;
    }

    public StrategyCatalog strategies() {
        return strategies;
    }

    public StoppingCatalog stoppingRules() {
        return stoppingRules;
    }

    /**
     * @param baseCommand the base experiment's command (null when it has none), which the chosen backend checks
     */
    public NewStudy build(StudyDraft draft, List<String> baseCommand) {
        requireFinitePositive("optimizationTimeLimitMinutes", draft.optimizationTimeLimitMinutes());
        requireFinitePositive("computeTimeLimitMinutes", draft.computeTimeLimitMinutes());
        requireFinitePositive("timeLimitPerJobMinutes", draft.timeLimitPerJobMinutes());
        requireFinitePositive("reportPeriodMinutes", draft.reportPeriodMinutes());

        SpaceLimits.check(draft.parameters());
        SearchSpace space = space(draft.parameters());
        List<Objective> objectives = objectives(draft.objectives());
        if (draft.minIterationPerJob() != null && draft.maxIterationPerJob() != null
                && draft.minIterationPerJob() > draft.maxIterationPerJob()) {
            throw new UnusableInputException("minIterationPerJob", "minIterationPerJob ("
                    + draft.minIterationPerJob() + ") must not exceed maxIterationPerJob (" + draft.maxIterationPerJob() + ")");
        }
        int concurrency = draft.maxConcurrentExperiments() == null ? DEFAULT_MAX_CONCURRENT : draft.maxConcurrentExperiments();
        Budget budget = new Budget(draft.minIterationPerJob(), draft.maxIterationPerJob(), draft.totalMaxJobs(), concurrency);

        StudyDraft.StrategyDraft strategy = draft.strategy() == null
                ? new StudyDraft.StrategyDraft(null, null, null) : draft.strategy();
        String strategyName = strategy.name() != null ? strategy.name() : DEFAULT_STRATEGY;
        Map<String, Object> given = strategy.settings() == null ? Map.of() : strategy.settings();
        JsonValues.requireFinite("strategy.settings", given);
        Map<String, Object> settings = checkStrategy(strategyName, given, space, objectives, budget);
        long seed = strategy.seed() != null ? strategy.seed() : ThreadLocalRandom.current().nextLong(1L << 53);

        EarlyStopping earlyStopping = earlyStopping(draft.earlyStopping(), budget);
        String backend = draft.backend() != null ? draft.backend() : DEFAULT_BACKEND;
        requireBackend("backend", backend, baseCommand);
        String queue = queueFor(backend, draft.executionQueue());

        StudyLimits limits = new StudyLimits(concurrency, draft.totalMaxJobs(), draft.optimizationTimeLimitMinutes(),
                draft.computeTimeLimitMinutes(), draft.timeLimitPerJobMinutes(), draft.minIterationPerJob(),
                draft.maxIterationPerJob(),
                draft.maxRetriesPerExperiment() == null ? DEFAULT_RETRIES_PER_EXPERIMENT
                        : draft.maxRetriesPerExperiment());
        return new NewStudy(draft.name(), draft.baseExperimentId(), SpaceCodec.toJson(space), objectives,
                strategyName, new LinkedHashMap<>(settings), seed, earlyStopping, backend, queue, limits,
                draft.saveTopKOnly(), draft.spawnProject(),
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
                    + ("process".equals(name)
                    ? ": it runs commands on the service's host, so the operator must allow it with "
                      + "hpo.backend.process.enabled=true (HPO_BACKEND_PROCESS_ENABLED=true)"
                    : "") + "; enabled backends: " + String.join(", ", backends.enabledNames()));
        }
        backend.validate(baseCommand);
    }

    /** The queue a backend's experiments wait in: the given one or {@code default} for queue, none otherwise. */
    public static String queueFor(String backend, String executionQueue) {
        if (!DEFAULT_BACKEND.equals(backend)) {
            return null;
        }
        return executionQueue == null ? DEFAULT_QUEUE : executionQueue;
    }

    private SearchSpace space(List<Object> parameters) {
        try {
            SearchSpace space = SpaceCodec.fromJson(parameters);
            if (space.parameters().isEmpty()) {
                throw new InvalidSpaceException("parameters: must hold at least one parameter");
            }
            ExponentsLikeValues.check(parameters);
            return space;
        } catch (InvalidSpaceException e) {
            throw new UnusableInputException(pathOf(e.getMessage(), "parameters"), e.getMessage(), e);
        }
    }

    private static List<Objective> objectives(List<StudyDraft.ObjectiveDraft> drafts) {
        List<Objective> objectives = new ArrayList<>(drafts.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            StudyDraft.ObjectiveDraft d = drafts.get(i);
            Sign sign;
            try {
                sign = Sign.fromJson(d.sign());
            } catch (IllegalArgumentException e) {
                throw new UnusableInputException("objectives[" + i + "].sign", e.getMessage());
            }
            if (!seen.add(d.title() + "\u0000" + d.series())) {
                throw new UnusableInputException("objectives[" + i + "]", "objective " + d.title() + "/"
                        + d.series() + " is given twice; a metric can be one objective only");
            }
            objectives.add(new Objective(d.title(), d.series(), sign));
        }
        return objectives;
    }

    /** Checks the strategy and its settings (422 naming the field) and returns the settings to store. */
    private Map<String, Object> checkStrategy(String name, Map<String, Object> settings, SearchSpace space,
                               List<Objective> objectives, Budget budget) {
        StrategySpec spec;
        try {
            spec = strategies.require(name);
        } catch (InvalidStrategyException e) {
            throw new UnusableInputException("strategy.name", e.getMessage(), e);
        }
        try {
            spec.create(settings, space, objectives, budget);
            return spec.settingsToRecord(settings, space, objectives, budget);
        } catch (InvalidSpaceException e) {
            throw new UnusableInputException("parameters", e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException("strategy.settings", e.getMessage(), e);
        }
    }

    private EarlyStopping earlyStopping(StudyDraft.StoppingDraft draft, Budget budget) {
        if (draft == null) {
            return null;
        }
        StoppingRuleSpec spec;
        try {
            spec = stoppingRules.require(draft.rule());
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException("earlyStopping.rule", e.getMessage(), e);
        }
        Map<String, Object> settings = draft.settings() == null ? Map.of() : draft.settings();
        JsonValues.requireFinite("earlyStopping.settings", settings);
        try {
            spec.create(settings, budget);
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException("earlyStopping.settings", e.getMessage(), e);
        }
        return new EarlyStopping(draft.rule(), settings);
    }

    private static void requireFinitePositive(String field, Double value) {
        if (value != null && !(Double.isFinite(value) && value > 0)) {
            throw new InvalidInputException(field, "must be a finite number greater than 0");
        }
    }

    /** The path an error message starts with ({@code parameters[1].max: ...}), or {@code fallback}. */
    static String pathOf(String message, String fallback) {
        if (message == null) {
            return fallback;
        }
        int colon = message.indexOf(": ");
        if (colon <= 0 || message.substring(0, colon).contains(" ")) {
            return fallback;
        }
        return message.substring(0, colon);
    }
}
