package dev.hpo.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON array with one object per experiment: {@code number, id, status, stopReason, parameters} (an object),
 * {@code objectives} (an object keyed {@code title/series}, null values where not reported), {@code createdAt,
 * startedAt, endedAt} (ISO 8601), {@code durationSeconds, worker}. Written token by token as rows arrive.
 */
public final class JsonExportWriter implements ExportWriter {

    private final JsonGenerator json;
    private final ExportLayout layout;

    public JsonExportWriter(OutputStream out, ExportLayout layout) {
        this.json = JsonMapper.builder().build().createGenerator(out);
        this.layout = layout;
    }

    @Override
    public void start() {
        json.writeStartArray();
    }

    @Override
    public void write(ExportRow row) {
        json.writeStartObject();
        json.writeNumberProperty("number", row.number());
        json.writeStringProperty("id", row.id().toString());
        json.writeStringProperty("status", row.status());
        json.writeStringProperty("stopReason", row.stopReason());
        json.writeName("parameters");
        json.writeStartObject();
        for (Map.Entry<String, Object> p : row.parameters().entrySet()) {
            json.writeName(p.getKey());
            json.writePOJO(p.getValue());
        }
        json.writeEndObject();
        json.writeName("objectives");
        json.writeStartObject();
        List<Double> values = row.objectiveValues();
        for (int i = 0; i < values.size(); i++) {
            json.writeName(ExportLayout.objectiveName(layout.objectives().get(i)));
            if (values.get(i) == null) {
                json.writeNull();
            } else {
                json.writeNumber(values.get(i));
            }
        }
        json.writeEndObject();
        time("createdAt", row.createdAt());
        time("startedAt", row.startedAt());
        time("endedAt", row.endedAt());
        json.writeName("durationSeconds");
        if (row.durationSeconds() == null) {
            json.writeNull();
        } else {
            json.writeNumber(row.durationSeconds());
        }
        json.writeStringProperty("worker", row.worker());
        json.writeEndObject();
    }

    private void time(String name, Instant value) {
        json.writeStringProperty(name, value == null ? null : value.toString());
    }

    @Override
    public void finish() throws IOException {
        json.writeEndArray();
        json.flush();
    }
}
