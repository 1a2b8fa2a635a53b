/** Random search: uniform samples of the search space that never repeat a point, until the space is used up. */
package dev.hpo.strategy.random;
