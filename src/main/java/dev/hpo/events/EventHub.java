package dev.hpo.events;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every open event stream of this replica, fed by one shared poller: each round it numbers the events committed
 * since the last round (on one replica at a time), then reads, per study that has subscribers, the events after
 * the slowest subscriber's cursor and queues each one to the subscribers that have not had it. A subscriber that
 * resumes from an old id is fed from the table the same way, a batch per round, before it gets live events.
 * Writing happens on a small shared pool; no thread waits per subscriber.
 */
@Component
public class EventHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventHub.class);
    /** Batches read per study and round while subscribers catch up. */
    private static final int MAX_BATCHES_PER_ROUND = 10;

    private final StudyEventStore store;
    private final EventSettings settings;
    private final Clock clock;
    private final Map<UUID, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private ScheduledExecutorService poller;
    private ExecutorService writers;
    private volatile boolean running;
    private volatile long lastPrune;

    private final List<NumberedEventsListener> listeners;

    EventHub(StudyEventStore store, EventSettings settings, Clock clock, List<NumberedEventsListener> listeners) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    /** Whether the study exists. */
    public boolean studyExists(UUID studyId) {
        return store.studyExists(studyId);
    }

    /**
     * Opens a stream of a study's events with a seq above {@code afterSeq}; without one, only events numbered from
     * now on. The returned handle is {@link Subscription#cancel cancelled} when the response ends.
     */
    public Subscription subscribe(UUID studyId, Long afterSeq, EventSink sink) {
        long cursor = afterSeq != null ? afterSeq : store.lastSeq(studyId);
        Subscriber[] self = new Subscriber[1];
        Subscriber subscriber = new Subscriber(studyId, cursor, sink, writers, () -> remove(self[0]));
        self[0] = subscriber;
        subscribers.computeIfAbsent(studyId, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
        open.incrementAndGet();
        return subscriber::detach;
    }

    /** An open stream; cancel it when the response ended (client gone, timeout). */
    @FunctionalInterface
    public interface Subscription {
        void cancel();
    }

    /** How many streams are open on this replica. */
    public int openStreams() {
        return open.get();
    }

    private void remove(Subscriber subscriber) {
        subscribers.computeIfPresent(subscriber.studyId, (id, set) -> {
            if (set.remove(subscriber)) {
                open.decrementAndGet();
            }
            return set.isEmpty() ? null : set;
        });
    }

    /** One round: number new events, feed every subscriber, prune old reported events now and then. */
    void poll() {
        try {
            List<NumberedEvent> numbered = store.sequence(settings.batchSize() * MAX_BATCHES_PER_ROUND);
            if (!numbered.isEmpty()) {
                for (NumberedEventsListener listener : listeners) {
                    try {
                        listener.numbered(numbered);
                    } catch (RuntimeException e) {
                        log.warn("an event listener failed", e);
                    }
                }
            }
            for (Map.Entry<UUID, Set<Subscriber>> entry : subscribers.entrySet()) {
                feed(entry.getKey(), entry.getValue());
            }
            pruneNowAndThen();
        } catch (RuntimeException e) {
            log.warn("event poll failed; retrying next round", e);
        }
    }

    private void feed(UUID studyId, Set<Subscriber> set) {
        for (int round = 0; round < MAX_BATCHES_PER_ROUND; round++) {
            long from = Long.MAX_VALUE;
            for (Subscriber s : set) {
                // a subscriber with a full queue waits for the next round (it resumes from its cursor)
                if (!s.closed() && s.pending() < settings.batchSize()) {
                    from = Math.min(from, s.cursor);
                }
            }
            if (from == Long.MAX_VALUE) {
                return;
            }
            List<StudyEvent> events = store.after(studyId, from, settings.batchSize());
            for (Subscriber s : set) {
                if (s.closed() || s.pending() >= settings.batchSize()) {
                    continue;
                }
                for (StudyEvent event : events) {
                    if (event.seq() > s.cursor) {
                        s.offer(event);
                    }
                }
            }
            if (events.size() < settings.batchSize()) {
                return;
            }
        }
    }

    private void pruneNowAndThen() {
        long now = clock.instant().toEpochMilli();
        if (now - lastPrune < 60_000) {
            return;
        }
        lastPrune = now;
        int pruned = store.pruneReported(clock.instant().minus(settings.reportedRetention()));
        if (pruned > 0) {
            log.debug("pruned {} experiment_reported events", pruned);
        }
    }

    void keepAlive() {
        for (Set<Subscriber> set : subscribers.values()) {
            set.forEach(Subscriber::keepAlive);
        }
    }

    @Override
    public void start() {
        writers = Executors.newFixedThreadPool(settings.sendThreads(), named("hpo-events-send"));
        poller = Executors.newSingleThreadScheduledExecutor(named("hpo-events-poll"));
        long poll = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        long keepAlive = settings.keepAlive().toMillis();
        poller.scheduleWithFixedDelay(this::keepAlive, keepAlive, keepAlive, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
        for (Set<Subscriber> set : subscribers.values()) {
            set.forEach(Subscriber::close);
        }
        writers.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
