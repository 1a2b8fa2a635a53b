/**
 * Search strategies: pure functions of a study's history plus a seeded generator. No Spring, no JPA.
 * This package holds the contract ({@link dev.hpo.strategy.StrategySpec}, {@link dev.hpo.strategy.SearchStrategy},
 * {@link dev.hpo.strategy.StrategyContext}, seeds); one sub-package per algorithm, and {@code catalog} lists them.
 */
package dev.hpo.strategy;
