package dev.hpo.bench;

/**
 * One sequential run of a strategy on a problem for one seed.
 *
 * @param regrets regret of the incumbent after each experiment (index 0 = after the first); NaN before any
 * @param seconds wall time of the whole run
 * @param note    why the run ended early (strategy exhausted), or null
 */
record RunResult(double[] regrets, double seconds, String note) {

    /** Regret after {@code experiments} experiments (the last known one if the run ended before). */
    double regretAfter(int experiments) {
        return regrets[Math.min(experiments, regrets.length) - 1];
    }
}
