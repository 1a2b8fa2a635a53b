package dev.hpo.export;

import java.io.IOException;

/** Writes export rows to a stream as they are read; {@link #finish} after the last. */
public interface ExportWriter {

    void start() throws IOException;

    void write(ExportRow row) throws IOException;

    void finish() throws IOException;
}
