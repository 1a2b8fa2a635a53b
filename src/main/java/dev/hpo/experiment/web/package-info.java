/** HTTP endpoints of base experiments and experiments. */
package dev.hpo.experiment.web;
