package dev.hpo.backend.queue;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hpo.backend.ExperimentBackend;
import dev.hpo.backend.LaunchRequest;
import dev.hpo.queue.QueueWaiters;

/**
 * The {@code queue} backend: an experiment created QUEUED in its study's execution queue is already launched,
 * because workers pull it with {@code POST /queues/{queue}/lease}; launching (after the tick's commit) only wakes
 * one worker waiting in a lease long poll on that queue. Aborting needs no action: the experiment has already
 * ended in the database, and its worker is told to stop on its next heartbeat or report.
 */
@Component
public class QueueBackend implements ExperimentBackend {

    public static final String NAME = "queue";

    private final QueueWaiters waiters;

    QueueBackend(QueueWaiters waiters) {
        this.waiters = waiters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public boolean usesQueue() {
        return true;
    }

    @Override
    public void launch(LaunchRequest request) {
        // Workers pull: the QUEUED row is the launch; a worker waiting for one may take it now.
        waiters.queuedInStudy(request.studyId());
    }

    @Override
    public void abort(UUID experimentId) {
        // Workers learn it from the "stop" action of their next call.
    }
}
