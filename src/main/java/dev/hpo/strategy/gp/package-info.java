/**
 * Gaussian-process Bayesian optimization ({@code gp}): a Matern-5/2 kernel with one length scale per dimension
 * fitted by maximum a posteriori, log expected improvement (Ament et al. 2023) searched from many random
 * candidates and refined by coordinate steps, kriging believer for experiments in flight.
 * {@link dev.hpo.strategy.gp.GpStrategy} is the entry point.
 */
package dev.hpo.strategy.gp;
