package dev.hpo.queue.web;

import java.util.Optional;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.async.DeferredResult;

import dev.hpo.queue.LeasedExperiment;
import dev.hpo.queue.QueueWaiters;
import dev.hpo.queue.WorkerProtocol;

/**
 * One lease request that waits for an experiment (a long poll). It leases at most once: every attempt and the
 * timeout run under this object's lock and check that the request is still open, so an experiment is never
 * started for a request that already answered 204.
 */
final class LeasePoll implements QueueWaiters.Waiter {

    private final WorkerProtocol protocol;
    private final QueueWaiters waiters;
    private final String queue;
    private final String workerId;
    private final UUID tokenId;
    private final DeferredResult<ResponseEntity<LeasedExperiment>> result;
    private boolean open = true; // guarded by this

    private LeasePoll(WorkerProtocol protocol, QueueWaiters waiters, String queue, String workerId, UUID tokenId,
                      long waitMillis) {
        this.protocol = protocol;
        this.waiters = waiters;
        this.queue = queue;
        this.workerId = workerId;
        this.tokenId = tokenId;
        this.result = new DeferredResult<>(waitMillis);
    }

    /**
     * Leases now if the queue has an experiment; otherwise answers when one is queued, or 204 after
     * {@code waitMillis} (0: at once).
     */
    static DeferredResult<ResponseEntity<LeasedExperiment>> lease(WorkerProtocol protocol, QueueWaiters waiters,
                                                                  String queue, String workerId, UUID tokenId,
                                                                  long waitMillis) {
        LeasePoll poll = new LeasePoll(protocol, waiters, queue, workerId, tokenId, Math.max(1, waitMillis));
        long generation = waiters.generation();
        Optional<LeasedExperiment> now = protocol.lease(queue, workerId, tokenId);
        if (now.isPresent() || waitMillis <= 0 || !waiters.accepting()) {
            poll.result.setResult(answer(now));
            return poll.result;
        }
        poll.result.onTimeout(poll::timeout);
        poll.result.onError(e -> poll.close());
        poll.result.onCompletion(poll::close);
        waiters.register(queue, poll);
        if (waiters.generation() != generation) {
            // an experiment queued between the attempt above and the registration may have woken nobody: look again
            poll.attempt(false);
        }
        return poll.result;
    }

    @Override
    public void wake() {
        // woken means taken off the list: wait again when another worker was faster
        attempt(true);
    }

    /**
     * One lease attempt; with {@code registerAgain} (a woken waiter, which is off the list meanwhile) it waits again
     * when it found nothing. Whatever this replica queued between the attempt's read and the registration woke
     * nobody (the waiter was off the list), so then it looks again before it waits: otherwise it would wait for the
     * next recheck with an experiment there to take.
     */
    private synchronized void attempt(boolean registerAgain) {
        while (open) {
            long generation = waiters.generation();
            Optional<LeasedExperiment> leased;
            try {
                leased = protocol.lease(queue, workerId, tokenId);
            } catch (RuntimeException e) {
                open = false;
                waiters.remove(queue, this);
                result.setErrorResult(e);
                return;
            }
            if (leased.isPresent()) {
                open = false;
                waiters.remove(queue, this);
                result.setResult(answer(leased));
                return;
            }
            if (!waiters.accepting()) {
                timeout(); // the service stops meanwhile
                return;
            }
            if (!registerAgain) {
                return;
            }
            waiters.register(queue, this);
            if (waiters.generation() == generation) {
                return;
            }
            waiters.remove(queue, this);
        }
    }

    @Override
    public synchronized void release() {
        timeout();
    }

    private synchronized void timeout() {
        if (open) {
            open = false;
            waiters.remove(queue, this);
            result.setResult(answer(Optional.empty()));
        }
    }

    private synchronized void close() {
        open = false;
        waiters.remove(queue, this);
    }

    private static ResponseEntity<LeasedExperiment> answer(Optional<LeasedExperiment> leased) {
        return leased.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }
}
