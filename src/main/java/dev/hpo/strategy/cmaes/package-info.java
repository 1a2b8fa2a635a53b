/**
 * CMA-ES (Hansen's tutorial, with IPOP restarts and the integer margin of Hamano et al. 2022) over the numeric
 * parameters of a space, in search-scale coordinates normalised to [0, 1]. Plain Java, no Spring.
 */
package dev.hpo.strategy.cmaes;
