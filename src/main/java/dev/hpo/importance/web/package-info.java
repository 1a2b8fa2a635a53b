/** The importance endpoint: loads a study's completed experiments and runs {@link dev.hpo.importance.PedAnova}. */
package dev.hpo.importance.web;
