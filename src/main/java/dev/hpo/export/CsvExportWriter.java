package dev.hpo.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * RFC 4180 CSV: a header, one line per experiment, {@code \r\n} line ends, a field quoted when it holds a comma,
 * a quote, a line break or surrounding spaces. An absent value is an empty field; numbers are written as Java
 * writes doubles (they parse back to the same value), times as ISO 8601.
 */
public final class CsvExportWriter implements ExportWriter {

    private final Writer out;
    private final ExportLayout layout;

    public CsvExportWriter(Writer out, ExportLayout layout) {
        this.out = out;
        this.layout = layout;
    }

    @Override
    public void start() throws IOException {
        line(layout.header().toArray());
    }

    @Override
    public void write(ExportRow row) throws IOException {
        List<String> names = layout.parameterNames();
        Object[] fields = new Object[9 + names.size() + layout.objectives().size()];
        int i = 0;
        fields[i++] = row.number();
        fields[i++] = row.id();
        fields[i++] = row.status();
        fields[i++] = row.stopReason();
        for (String name : names) {
            fields[i++] = row.parameters().get(name);
        }
        for (Double value : row.objectiveValues()) {
            fields[i++] = value;
        }
        fields[i++] = row.createdAt();
        fields[i++] = row.startedAt();
        fields[i++] = row.endedAt();
        fields[i++] = row.durationSeconds();
        fields[i] = row.worker();
        line(fields);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void line(Object[] fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields[i]));
        }
        out.write("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant instant ? instant.toString() : String.valueOf(value);
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || (!text.isEmpty() && (text.charAt(0) == ' '
                || text.charAt(text.length() - 1) == ' '));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
