/**
 * What the algorithms see of a study's experiments, shared by search strategies and early-stopping rules:
 * {@link dev.hpo.trial.Trial} and its {@link dev.hpo.trial.TrialState}, the study's
 * {@link dev.hpo.trial.Budget}, and the {@link dev.hpo.trial.FidelityCheck} both Hyperband and ASHA consult.
 * Plain Java: no Spring, no JPA, and no dependency on either user.
 */
package dev.hpo.trial;
