/** Base experiments, experiments with their guarded lifecycle, scalar points and metric summaries. */
package dev.hpo.experiment;
