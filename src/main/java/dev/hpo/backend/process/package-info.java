/**
 * The {@code process} backend: runs the base experiment's command on the service's own host as a child process,
 * reads its {@code hpo:scalar} stdout lines, keeps a bounded tail of its output, renews its lease while it lives,
 * and completes or fails the experiment by its exit code.
 */
package dev.hpo.backend.process;
