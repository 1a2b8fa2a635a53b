/**
 * The service's own Micrometer meters (exported at {@code /actuator/prometheus}): counters and the refill-latency
 * timer fed by the study event stream, gauges read from the database.
 */
package dev.hpo.metrics;
