package dev.hpo.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hpo.objective.Objective;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a study's experiments in number order with the value of each objective and hands them to a writer one by
 * one. PostgreSQL streams the result with a cursor ({@link #FETCH_SIZE} rows at a time, inside a read-only
 * transaction), so an export of 100,000 experiments holds one batch in memory, not the study.
 */
@Component
public class ExperimentExport {

    static final int FETCH_SIZE = 1000;
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    ExperimentExport(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Streams every experiment of the study to the writer (start, rows, finish). */
    public void export(UUID studyId, ExportLayout layout, ExportWriter writer) {
        List<Objective> objectives = layout.objectives();
        StringBuilder sql = new StringBuilder("select e.number, e.id, e.status, e.stop_reason, e.parameters::text, "
                + "e.created_at, e.started_at, e.ended_at, e.worker_id");
        for (int i = 0; i < objectives.size(); i++) {
            String column = switch (objectives.get(i).sign()) {
                case MIN, MAX -> "last_value";
                case MIN_GLOBAL -> "min_value";
                case MAX_GLOBAL -> "max_value";
            };
            sql.append(", m").append(i).append('.').append(column);
        }
        sql.append(" from experiment e");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < objectives.size(); i++) {
            sql.append(" left join metric_summary m").append(i).append(" on m").append(i)
                    .append(".experiment_id = e.id and m").append(i).append(".title = ? and m").append(i)
                    .append(".series = ?");
            args.add(objectives.get(i).title());
            args.add(objectives.get(i).series());
        }
        sql.append(" where e.study_id = ? order by e.number");
        args.add(studyId);
        readOnly.executeWithoutResult(status -> {
            try {
                writer.start();
                jdbc.query(sql.toString(), rs -> {
                    try {
                        writer.write(row(rs, objectives.size()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, args.toArray());
                writer.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static ExportRow row(ResultSet rs, int objectives) throws SQLException {
        Map<String, Object> parameters = JSON.readValue(rs.getString(5), MAP);
        List<Double> values = new ArrayList<>(objectives);
        for (int i = 0; i < objectives; i++) {
            double v = rs.getDouble(10 + i);
            values.add(rs.wasNull() ? null : v);
        }
        return new ExportRow(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), parameters,
                values, instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
                rs.getString(9));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
