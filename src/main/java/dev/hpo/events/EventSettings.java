package dev.hpo.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the event stream runs on this replica.
 *
 * @param pollInterval      how often the shared poller numbers new events and pushes them to subscribers (the
 *                          delay between a change and its event)
 * @param keepAlive         how often an idle stream gets a {@code : keep-alive} comment
 * @param streamTimeout     how long one stream stays open; the client reconnects with {@code Last-Event-ID}
 * @param reportedRetention how long {@code experiment_reported} events are kept (the others stay with the study)
 * @param batchSize         events read per study per query
 * @param maxPending        events waiting for one slow subscriber before its stream is closed (it resumes
 *                          from the database when it reconnects)
 * @param sendThreads       threads that write events to subscribers (shared by all of them)
 */
@ConfigurationProperties("hpo.events")
public record EventSettings(@DefaultValue("250ms") Duration pollInterval,
                            @DefaultValue("15s") Duration keepAlive,
                            @DefaultValue("30m") Duration streamTimeout,
                            @DefaultValue("1h") Duration reportedRetention,
                            @DefaultValue("1000") int batchSize,
                            @DefaultValue("20000") int maxPending,
                            @DefaultValue("2") int sendThreads) {

    public EventSettings {
        for (Duration d : new Duration[] {pollInterval, keepAlive, streamTimeout, reportedRetention}) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("hpo.events durations must be positive, not " + d);
            }
        }
        if (batchSize < 1 || maxPending < 1 || sendThreads < 1) {
            throw new IllegalArgumentException("hpo.events.batch-size, max-pending and send-threads must be at least 1");
        }
    }
}
