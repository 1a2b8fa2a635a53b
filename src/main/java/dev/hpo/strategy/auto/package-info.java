/**
 * The {@code auto} strategy: picks a concrete strategy for the study's space, objectives and budget at creation
 * ({@link dev.hpo.strategy.auto.AutoChoice}) and records the pick in the study's settings.
 */
package dev.hpo.strategy.auto;
