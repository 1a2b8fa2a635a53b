/**
 * Hyperband (Li et al. 2018) and BOHB (Falkner et al. 2018): successive-halving brackets over the study's
 * iteration budgets, with random configurations or a per-budget density model. Plain Java, no Spring.
 */
package dev.hpo.strategy.hyperband;
