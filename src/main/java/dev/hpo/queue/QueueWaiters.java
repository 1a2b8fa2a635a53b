package dev.hpo.queue;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Idle workers waiting for an experiment of a queue (a lease long poll), without a thread per waiter. When a
 * tick of this replica has committed new QUEUED experiments, {@link #queued} wakes as many waiters of that queue,
 * oldest first, each on a small pool; a woken waiter tries to lease, and registers again if another worker was
 * faster. Experiments queued by another replica are found by waking every waiter each
 * {@code hpo.worker.lease-recheck} (default 1s), which also covers a wake-up that came while a waiter was between
 * two attempts.
 */
@Component
public class QueueWaiters implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueWaiters.class);
    /** Studies whose queue is remembered at most; beyond it the map starts over. */
    private static final int MAX_STUDIES = 10_000;

    /** A waiting lease request; {@link #wake} runs on a waker thread and must not block for long. */
    public interface Waiter {
        /** Experiments may be queued: try to lease. */
        void wake();

        /** The service stops: answer now that nothing came (so the graceful shutdown need not wait for the poll). */
        void release();
    }

    private final JdbcTemplate jdbc;
    private final Map<String, ConcurrentLinkedDeque<Waiter>> byQueue = new ConcurrentHashMap<>();
    private final Map<UUID, String> queueOfStudy = new ConcurrentHashMap<>();
    private final ExecutorService wakers;
    /** Counts the calls of {@link #queued} and {@link #queuedInStudy}, waiters or not: see {@link #generation}. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean running;

    QueueWaiters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        AtomicInteger counter = new AtomicInteger();
        this.wakers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "hpo-lease-wake-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether lease requests may wait: false once the service stops (they answer at once then). */
    public boolean accepting() {
        return running;
    }

    /** Adds a waiter of {@code queue} (at the end: the oldest is woken first). */
    public void register(String queue, Waiter waiter) {
        // inside compute, so that recheck() never drops a queue's deque while a waiter is being added to it
        byQueue.compute(queue, (q, waiters) -> {
            ConcurrentLinkedDeque<Waiter> list = waiters == null ? new ConcurrentLinkedDeque<>() : waiters;
            list.addLast(waiter);
            return list;
        });
    }

    /** Removes a waiter (answered, timed out, or the client went away). */
    public void remove(String queue, Waiter waiter) {
        ConcurrentLinkedDeque<Waiter> waiters = byQueue.get(queue);
        if (waiters != null) {
            waiters.remove(waiter);
        }
    }

    /**
     * Changes whenever this replica queued experiments (before it wakes anybody). A lease request that found nothing,
     * then registered, need look again only when the generation changed meanwhile: otherwise whatever is queued next
     * on this replica finds it registered and wakes it, and the recheck finds what other replicas queue.
     */
    public long generation() {
        return generation.get();
    }

    /** Wakes up to {@code count} waiters of the queue: that many experiments were queued there and committed. */
    public void queued(String queue, int count) {
        generation.incrementAndGet();
        ConcurrentLinkedDeque<Waiter> waiters = byQueue.get(queue);
        if (waiters == null) {
            return;
        }
        for (int i = 0; i < count; i++) {
            Waiter waiter = waiters.pollFirst();
            if (waiter == null) {
                return;
            }
            wake(waiter);
        }
    }

    /** {@link #queued(String, int)} for an experiment of a study, whose execution queue is looked up once. */
    public void queuedInStudy(UUID studyId) {
        generation.incrementAndGet();
        if (byQueue.isEmpty()) {
            return;
        }
        String queue = queueOfStudy.get(studyId);
        if (queue == null) {
            queue = jdbc.query("select execution_queue from study where id = ?", (rs, i) -> rs.getString(1), studyId)
                    .stream().findFirst().orElse(null);
            if (queue == null) {
                return;
            }
            if (queueOfStudy.size() >= MAX_STUDIES) {
                queueOfStudy.clear();
            }
            queueOfStudy.put(studyId, queue);
        }
        queued(queue, 1);
    }

    /** How many lease requests wait on this replica. */
    public int waiting() {
        return byQueue.values().stream().mapToInt(ConcurrentLinkedDeque::size).sum();
    }

    /** Wakes every waiter: work queued by another replica, or a wake-up that found a waiter between attempts. */
    @Scheduled(fixedDelayString = "${hpo.worker.lease-recheck:1s}")
    void recheck() {
        for (String queue : byQueue.keySet()) {
            ConcurrentLinkedDeque<Waiter> waiters = byQueue.computeIfPresent(queue, (q, list) -> list.isEmpty() ? null : list);
            if (waiters == null) {
                continue;
            }
            Waiter waiter;
            int n = waiters.size();
            while (n-- > 0 && (waiter = waiters.pollFirst()) != null) {
                wake(waiter);
            }
        }
    }

    private void wake(Waiter waiter) {
        try {
            wakers.execute(() -> {
                try {
                    waiter.wake();
                } catch (RuntimeException e) {
                    log.warn("a waiting lease request failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: the request ends with its timeout
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Runs before the web server's graceful shutdown (a higher phase stops first): every waiter answers now. */
    @Override
    public void stop() {
        running = false;
        for (ConcurrentLinkedDeque<Waiter> waiters : byQueue.values()) {
            Waiter waiter;
            while ((waiter = waiters.pollFirst()) != null) {
                waiter.release();
            }
        }
        wakers.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
