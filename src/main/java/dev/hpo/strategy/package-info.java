/**
 * Search strategies: pure functions of a study's history plus a seeded generator. No Spring, no JPA.
 * One sub-package per algorithm.
 */
package dev.hpo.strategy;
