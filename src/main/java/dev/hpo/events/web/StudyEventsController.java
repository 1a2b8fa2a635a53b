package dev.hpo.events.web;

import java.io.IOException;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.hpo.events.EventHub;
import dev.hpo.events.EventSettings;
import dev.hpo.events.EventSink;
import dev.hpo.events.StudyEvent;
import dev.hpo.shared.InvalidInputException;
import dev.hpo.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A study's events as server-sent events. The response is an {@link SseEmitter} held open asynchronously and
 * written by {@link EventHub}'s shared poller, so an open stream holds no request thread.
 */
@RestController
@RequestMapping("/api/v1/studies/{id}")
@Tag(name = "events")
class StudyEventsController {

    private final EventHub hub;
    private final EventSettings settings;

    StudyEventsController(EventHub hub, EventSettings settings) {
        this.hub = hub;
        this.settings = settings;
    }

    @Operation(summary = "A study's live events (server-sent events)",
            description = "text/event-stream; each event has id (increasing per study), event (experiment_created, "
                    + "experiment_started, experiment_reported, experiment_requeued, experiment_ended, study_changed, "
                    + "report_written) and data (one JSON line with studyId and at, plus experimentId and number for "
                    + "experiment events). With Last-Event-ID (header, or the lastEventId query parameter; the header "
                    + "wins) every event after that id is replayed first; 0 replays everything kept; without either, "
                    + "the stream starts with the next event. A ': keep-alive' comment comes every 15 s; a stream "
                    + "closes after 30 minutes and the client reconnects with Last-Event-ID.")
    @ApiResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Last-Event-ID is not a non-negative integer")
    @ApiResponse(responseCode = "404", description = "Unknown study")
    @GetMapping("/events")
    SseEmitter events(@PathVariable UUID id,
                      @Parameter(description = "Resume after this event id")
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
                      @Parameter(description = "Resume after this event id (for clients that cannot set headers)")
                      @RequestParam(name = "lastEventId", required = false) String lastEventId) {
        Long after = null;
        if (lastEventIdHeader != null) {
            after = parse("Last-Event-ID", lastEventIdHeader);
        } else if (lastEventId != null) {
            after = parse("lastEventId", lastEventId);
        }
        if (!hub.studyExists(id)) {
            throw NotFoundException.of("study", id);
        }
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        EventHub.Subscription subscription = hub.subscribe(id, after, new EmitterSink(emitter));
        emitter.onCompletion(subscription::cancel);
        emitter.onTimeout(() -> {
            subscription.cancel();
            emitter.complete();
        });
        emitter.onError(e -> subscription.cancel());
        return emitter;
    }

    private static long parse(String field, String value) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(field, "must be a non-negative integer (an event id), not '"
                + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'");
    }

    /** Writes events as {@code id:}, {@code event:}, {@code data:} lines. */
    private record EmitterSink(SseEmitter emitter) implements EventSink {

        @Override
        public void send(StudyEvent event) throws IOException {
            emitter.send(SseEmitter.event().id(Long.toString(event.seq())).name(event.type())
                    .data(event.data(), MediaType.TEXT_PLAIN));
        }

        @Override
        public void comment(String text) throws IOException {
            emitter.send(SseEmitter.event().comment(text));
        }

        @Override
        public void close() {
            emitter.complete();
        }
    }
}
