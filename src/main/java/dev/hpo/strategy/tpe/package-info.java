/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011, as Optuna 3.1 implements it): univariate and
 * multivariate densities, conditional parameter sets, constant liar for experiments in flight, and MOTPE for
 * several objectives. {@link dev.hpo.strategy.tpe.TpeSampler} is the reusable model step.
 */
package dev.hpo.strategy.tpe;
