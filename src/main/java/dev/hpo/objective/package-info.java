/** Objectives: sign semantics, the value an experiment is ranked by, ranking and Pareto fronts. JDK only. */
package dev.hpo.objective;
