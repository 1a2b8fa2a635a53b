/** Early-stopping rules applied to running experiments' intermediate values, usable with any strategy. */
package dev.hpo.stopping;
