/**
 * Hyper-parameter importance from a study's completed experiments (plain Java): PED-ANOVA, Watanabe, Bansal and
 * Hutter, "PED-ANOVA: Efficiently Quantifying Hyperparameter Importance in Arbitrary Subspaces", IJCAI 2023.
 */
package dev.hpo.importance;
