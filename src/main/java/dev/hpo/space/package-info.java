/** The search space: the five parameter kinds, grid enumeration, random sampling and their JSON form. JDK only. */
package dev.hpo.space;
