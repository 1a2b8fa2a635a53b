/** Grid search: the points of the search space's grid in order, one per experiment. */
package dev.hpo.strategy.grid;
