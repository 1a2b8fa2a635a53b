package dev.hpo.backend.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last lines of a process's output, at most {@code limit} characters in all: older lines are dropped as new
 * ones arrive, and a single line longer than the limit keeps only its end. Written by the reader thread, read by
 * anyone.
 */
final class OutputTail {

    private final int limit;
    private final Deque<String> lines = new ArrayDeque<>();
    private int size;
    private boolean dropped;

    OutputTail(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
    }

    synchronized void append(String text) {
        // PostgreSQL text holds no NUL characters; a binary blurb must not make the output unstorable
        String line = text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
        String kept = line.length() > limit ? line.substring(line.length() - limit) : line;
        if (kept.length() < line.length()) {
            dropped = true;
        }
        lines.addLast(kept);
        size += kept.length() + 1;
        while (size > limit && lines.size() > 1) {
            size -= lines.removeFirst().length() + 1;
            dropped = true;
        }
    }

    /** Whether anything was dropped to stay within the limit. */
    synchronized boolean truncated() {
        return dropped;
    }

    /** The kept output, one line per line. */
    synchronized String text() {
        return String.join("\n", lines);
    }

    /** The last {@code count} kept lines. */
    synchronized List<String> lastLines(int count) {
        List<String> all = new ArrayList<>(lines);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }
}
