package dev.hpo.bench;

/**
 * One multi-fidelity run for one seed.
 *
 * @param regrets regret (by {@code final}) of the best full-budget experiment after each checkpoint; NaN when
 *                none had run all epochs by then
 * @param started experiments started before the epoch budget ran out
 * @param full    experiments that ran all epochs
 * @param seconds wall time of the run
 * @param note    why the run ended before its budget, or null
 */
record MultiFidelityResult(double[] regrets, int started, int full, double seconds, String note) {
}
