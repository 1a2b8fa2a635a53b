/** The worker protocol: leasing queued experiments, heartbeats, scalar reports, complete and fail. */
package dev.hpo.queue;
