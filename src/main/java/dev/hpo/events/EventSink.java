package dev.hpo.events;

import java.io.IOException;

/** Where one subscriber's events go (the web layer adapts a server-sent events response to it). */
public interface EventSink {

    /** Writes one event; an {@link IOException} ends the subscription. */
    void send(StudyEvent event) throws IOException;

    /** Writes a comment line (keep-alive); an {@link IOException} ends the subscription. */
    void comment(String text) throws IOException;

    /** Ends the response; called once when the subscription ends on the server's side. */
    void close();
}
