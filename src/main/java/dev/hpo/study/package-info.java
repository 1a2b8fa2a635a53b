/** Studies: the entity with its guarded lifecycle, creation and validation, status, ranking and long-poll waits. */
package dev.hpo.study;
