package dev.hpo.backend.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a stream to its end and hands over one line at a time, never holding more than {@code maxLineLength}
 * characters: a longer line is handed over in pieces, so a process printing megabytes without a newline cannot
 * exhaust the service's memory. Line ends ({@code \n}, {@code \r\n}) are not part of the lines.
 */
final class LinePump {

    private final int maxLineLength;

    LinePump(int maxLineLength) {
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be positive");
        }
        this.maxLineLength = maxLineLength;
    }

    /** Blocks until the stream ends or fails; a failing read ends the pumping like an end of stream. */
    void pump(InputStream stream, Consumer<String> lines) {
        pump(stream, lines, () -> { });
    }

    /**
     * As {@link #pump(InputStream, Consumer)}, calling {@code caughtUp} whenever everything written so far has been
     * handed over and the next read would wait: the moment to flush what the lines were collected into.
     */
    void pump(InputStream stream, Consumer<String> lines, Runnable caughtUp) {
        StringBuilder line = new StringBuilder();
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            int read;
            while (true) {
                if (!reader.ready()) {
                    caughtUp.run();
                }
                read = reader.read(buffer);
                if (read < 0) {
                    break;
                }
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        emit(line, lines);
                    } else {
                        line.append(c);
                        if (line.length() >= maxLineLength) {
                            emit(line, lines);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the stream was closed under us (process killed): what was read so far still counts
        }
        if (!line.isEmpty()) {
            emit(line, lines);
        }
    }

    private static void emit(StringBuilder line, Consumer<String> lines) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        lines.accept(line.substring(0, end));
        line.setLength(0);
    }
}
