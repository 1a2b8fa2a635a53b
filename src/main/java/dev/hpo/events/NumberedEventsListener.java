package dev.hpo.events;

import java.util.List;

/**
 * Told about every batch of events this replica's sequencer numbered (another replica's batches go to its own
 * listeners), on the poller thread: keep it short and never throw.
 */
public interface NumberedEventsListener {

    void numbered(List<NumberedEvent> events);
}
