package dev.hpo.study.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hpo.experiment.BaseExperimentId;
import dev.hpo.shared.InputLimits;
import dev.hpo.study.StudyDraft;
import dev.hpo.study.StudyLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request bodies of the study endpoints. */
final class StudyRequests {

    /**
     * The most minutes a study's time field takes, as the time-limit and report-period endpoints check it:
     * more overflows the timestamp a deadline is stored as, and start would fail.
     */
    static final String MAX_MINUTES = "1e8";
    /** Most retries of a lost experiment a study may ask for. */
    static final int MAX_RETRIES = 100;

    private StudyRequests() {
    }

    @Schema(description = "A new study. Left-out fields take the documented defaults.")
    record CreateStudy(
            @NotBlank @Size(max = 255) String name,
            @NotNull UUID baseExperimentId,
            @Schema(description = "The search space: parameter objects with a type discriminator (uniform, "
                    + "uniform_integer, log_uniform, discrete, parameter_set). Limits: at most 1,000 parameters "
                    + "(counting the keys of parameter sets), names of at most 200 characters, at most 10,000 values "
                    + "in a discrete parameter and 1,000 combinations in a parameter set")
            @NotNull @Size(min = 1, max = InputLimits.MAX_PARAMETERS) List<Object> parameters,
            @NotNull @Size(min = 1, max = 16) List<@NotNull @Valid Objective> objectives,
            @Valid Strategy strategy,
            @Valid EarlyStoppingRequest earlyStopping,
            @Schema(description = "queue (default) or process") @Size(max = 64) String backend,
            @Schema(description = "Queue the experiments wait in (queue backend); default 'default'")
            @Size(max = 255) @Pattern(regexp = "\\S+", message = "must not contain blanks") String executionQueue,
            @Schema(description = "Experiments queued or running at once; default 1") @Positive @Max(10_000) Integer maxConcurrentExperiments,
            @Positive Integer totalMaxJobs,
            @Schema(description = "Wall-clock limit counted from start") @Positive @DecimalMax(MAX_MINUTES) Double optimizationTimeLimitMinutes,
            @Schema(description = "Limit on the sum of the experiments' running minutes") @Positive @DecimalMax(MAX_MINUTES) Double computeTimeLimitMinutes,
            @Positive @DecimalMax(MAX_MINUTES) Double timeLimitPerJobMinutes,
            @Positive Long minIterationPerJob,
            @Positive Long maxIterationPerJob,
            @Schema(description = "Archive all but the best k experiments") @Positive Integer saveTopKOnly,
            @Size(max = 255) String spawnProject,
            @Schema(description = "Default 5") @Positive @DecimalMax(MAX_MINUTES) Double reportPeriodMinutes,
            @Schema(description = "How often an experiment whose worker was lost (lease not renewed) is queued again "
                    + "with the same parameters before it fails as worker_lost; default 1, 0 for never")
            @PositiveOrZero @Max(MAX_RETRIES) Integer maxRetriesPerExperiment) {

        StudyDraft toDraft() {
            return new StudyDraft(name, new BaseExperimentId(baseExperimentId), parameters,
                    objectives.stream().map(o -> new StudyDraft.ObjectiveDraft(o.title(), o.series(), o.sign())).toList(),
                    strategy == null ? null : new StudyDraft.StrategyDraft(strategy.name(), strategy.seed(), strategy.settings()),
                    earlyStopping == null ? null : new StudyDraft.StoppingDraft(earlyStopping.rule(), earlyStopping.settings()),
                    backend, executionQueue, StudyLimits.given(maxConcurrentExperiments, totalMaxJobs,
                            optimizationTimeLimitMinutes, computeTimeLimitMinutes, timeLimitPerJobMinutes,
                            minIterationPerJob, maxIterationPerJob, maxRetriesPerExperiment),
                    saveTopKOnly, spawnProject, reportPeriodMinutes);
        }
    }

    @Schema(description = "A metric to optimize; sign min, max, min_global or max_global")
    record Objective(@NotBlank @Size(max = 255) String title, @NotBlank @Size(max = 255) String series,
                     @NotBlank String sign) {
    }

    @Schema(description = "The strategy: name (grid, random, tpe, cmaes, gp, hyperband, bohb or auto; default auto, "
            + "which picks gp or tpe from the space, the objectives and totalMaxJobs and records the pick as "
            + "settings.resolvedTo), seed (default: drawn and stored), settings (see GET /api/v1/strategies)")
    record Strategy(@Size(min = 1, max = 64) String name, @PositiveOrZero Long seed,
                    @Schema(maxProperties = InputLimits.MAX_SETTINGS)
                    @Size(max = InputLimits.MAX_SETTINGS) Map<String, Object> settings) {
    }

    @Schema(description = "An early-stopping rule (median or asha) and its settings (see GET /api/v1/early-stopping-rules)")
    record EarlyStoppingRequest(@NotBlank @Size(max = 64) String rule,
                                @Schema(maxProperties = InputLimits.MAX_SETTINGS)
                                @Size(max = InputLimits.MAX_SETTINGS) Map<String, Object> settings) {
    }

    @Schema(description = "Optional: the URL every job-complete event is POSTed to")
    record Start(@Size(max = 2048) String jobCompleteCallbackUrl) {
    }

    @Schema(description = "Optional: wait up to timeoutMinutes for the study to end before answering")
    record Stop(@PositiveOrZero @Max(60) Double timeoutMinutes, Boolean waitForReporter) {
    }

    @Schema(description = "Exactly one: minutes from now (from start for a study not started yet), or an absolute time")
    record TimeLimit(@Positive @DecimalMax(MAX_MINUTES) Double inMinutes,
                     @Schema(description = "In the future, and at most 1e8 minutes (about 190 years) from now")
                     Instant specificTime) {
    }

    record ReportPeriod(@NotNull @Positive @DecimalMax(MAX_MINUTES) Double reportPeriodMinutes) {
    }

    @Schema(description = "Only before start")
    record Backend(@NotBlank @Size(max = 64) String backend,
                   @Size(max = 255) @Pattern(regexp = "\\S+", message = "must not contain blanks") String executionQueue) {
    }
}
