package dev.hpo.trial;

/**
 * The study's limits a strategy may plan with; every field may be null (no limit).
 *
 * @param minIterationPerJob smallest iteration budget (multi-fidelity), ClearML's {@code min_iteration_per_job}
 * @param maxIterationPerJob largest iteration budget, ClearML's {@code max_iteration_per_job}
 * @param totalMaxJobs       how many experiments the study may create in all
 * @param concurrency        how many experiments may run at once
 */
public record Budget(Long minIterationPerJob, Long maxIterationPerJob, Integer totalMaxJobs, Integer concurrency) {
}
