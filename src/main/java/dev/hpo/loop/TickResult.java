package dev.hpo.loop;

import java.util.List;
import java.util.UUID;

import dev.hpo.backend.LaunchRequest;

/**
 * What one committed tick leaves for after the commit: experiments for the backend to launch and to abort,
 * whether job-complete events were recorded (wake the webhook delivery), and whether the study ended.
 *
 * @param driven false when the tick did nothing because the study is not (or no longer) this replica's to drive
 */
record TickResult(boolean driven, String backend, List<LaunchRequest> launches, List<UUID> aborts,
                  boolean eventsRecorded, boolean studyEnded) {

    static TickResult notDriven() {
        return new TickResult(false, null, List.of(), List.of(), false, false);
    }
}
