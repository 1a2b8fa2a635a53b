package dev.hpo.events;

import java.io.IOException;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open stream: the last seq handed to it and the events waiting to be written. Writes run on a shared
 * executor, at most one drain per subscriber at a time, so a subscriber holds no thread while it waits.
 */
final class Subscriber {

    private static final Object KEEP_ALIVE = new Object();

    final UUID studyId;
    private final EventSink sink;
    private final Executor writers;
    private final Runnable onClosed;
    private final Queue<Object> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The largest seq queued for this subscriber; only the poller thread changes it. */
    volatile long cursor;

    Subscriber(UUID studyId, long cursor, EventSink sink, Executor writers, Runnable onClosed) {
        this.studyId = studyId;
        this.cursor = cursor;
        this.sink = sink;
        this.writers = writers;
        this.onClosed = onClosed;
    }

    int pending() {
        return pendingCount.get();
    }

    boolean closed() {
        return closed.get();
    }

    void offer(StudyEvent event) {
        cursor = event.seq();
        enqueue(event);
    }

    void keepAlive() {
        if (pendingCount.get() == 0) {
            enqueue(KEEP_ALIVE);
        }
    }

    private void enqueue(Object item) {
        if (closed.get()) {
            return;
        }
        pending.add(item);
        pendingCount.incrementAndGet();
        schedule();
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            try {
                writers.execute(this::drain);
            } catch (RuntimeException e) {
                draining.set(false);
                close();
            }
        }
    }

    private void drain() {
        try {
            Object item;
            while (!closed.get() && (item = pending.poll()) != null) {
                pendingCount.decrementAndGet();
                if (item == KEEP_ALIVE) {
                    sink.comment("keep-alive");
                } else {
                    sink.send((StudyEvent) item);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (or the response was completed by a timeout)
            close();
        } finally {
            draining.set(false);
        }
        if (!closed.get() && !pending.isEmpty()) {
            schedule();
        }
    }

    /** Ends the subscription from the server's side: no more writes, the response is completed. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            pending.clear();
            pendingCount.set(0);
            onClosed.run();
            sink.close();
        }
    }

    /** Forgets the subscription after the client or a timeout ended it (the response is already done). */
    void detach() {
        if (closed.compareAndSet(false, true)) {
            pending.clear();
            pendingCount.set(0);
            onClosed.run();
        }
    }
}
