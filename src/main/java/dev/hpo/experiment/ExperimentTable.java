package dev.hpo.experiment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.hpo.objective.Objective;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A study's experiments as a table for the dashboard: one page, filtered by status and sorted by a column or an
 * objective's value, with every objective's value, in one query over {@code experiment} left-joined to
 * {@code metric_summary} once per objective (no entities, no summaries of other experiments).
 */
@Repository
public class ExperimentTable {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    ExperimentTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the table can be sorted by; {@link #OBJECTIVE} with the objective's index. */
    public enum SortKey {
        NUMBER("e.number"), STATUS("e.status"), CREATED_AT("e.created_at"), STARTED_AT("e.started_at"),
        ENDED_AT("e.ended_at"), DURATION("(e.ended_at - e.started_at)"), WORKER("e.worker_id"), OBJECTIVE(null);

        private final String column;

        SortKey(String column) {
            this.column = column;
        }
    }

    /** A sort: key, objective index (for OBJECTIVE), direction. Nulls (not reported, not started) sort last. */
    public record Sort(SortKey key, int objective, boolean descending) {
    }

    /** One row: the experiment and the value of each study objective (null where not reported). */
    public record Row(UUID id, int number, String name, ExperimentStatus status, String stopReason,
                      Map<String, Object> parameters, List<Double> objectiveValues, boolean archived, String workerId,
                      Instant createdAt, Instant startedAt, Instant endedAt) {
    }

    /** One page of the study's experiments with the given statuses (all when empty). */
    public Page<Row> page(UUID studyId, List<Objective> objectives, Collection<ExperimentStatus> statuses, Sort sort,
                          int page, int size) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where e.study_id = ?");
        args.add(studyId);
        if (!statuses.isEmpty()) {
            where.append(" and e.status in (");
            int i = 0;
            for (ExperimentStatus status : statuses) {
                where.append(i++ == 0 ? "?" : ", ?");
                args.add(status.name());
            }
            where.append(')');
        }
        Long total = jdbc.queryForObject("select count(*) from experiment e" + where, Long.class, args.toArray());

        StringBuilder sql = new StringBuilder("select e.id, e.number, e.name, e.status, e.stop_reason, "
                + "e.parameters::text, e.archived, e.worker_id, e.created_at, e.started_at, e.ended_at");
        for (int i = 0; i < objectives.size(); i++) {
            sql.append(", m").append(i).append('.').append(column(objectives.get(i)));
        }
        sql.append(" from experiment e");
        List<Object> joinArgs = new ArrayList<>();
        for (int i = 0; i < objectives.size(); i++) {
            sql.append(" left join metric_summary m").append(i).append(" on m").append(i)
                    .append(".experiment_id = e.id and m").append(i).append(".title = ? and m").append(i)
                    .append(".series = ?");
            joinArgs.add(objectives.get(i).title());
            joinArgs.add(objectives.get(i).series());
        }
        String order = sort.key() == SortKey.OBJECTIVE
                ? "m" + sort.objective() + "." + column(objectives.get(sort.objective()))
                : sort.key().column;
        sql.append(where).append(" order by ").append(order).append(sort.descending() ? " desc" : " asc")
                .append(" nulls last, e.number").append(sort.descending() ? " desc" : " asc")
                .append(" limit ? offset ?");
        List<Object> all = new ArrayList<>(joinArgs);
        all.addAll(args);
        all.add(size);
        all.add((long) page * size);
        List<Row> rows = jdbc.query(sql.toString(), (rs, n) -> row(rs, objectives.size()), all.toArray());
        return new PageImpl<>(rows, PageRequest.of(page, size), total == null ? 0 : total);
    }

    private static String column(Objective objective) {
        return switch (objective.sign()) {
            case MIN, MAX -> "last_value";
            case MIN_GLOBAL -> "min_value";
            case MAX_GLOBAL -> "max_value";
        };
    }

    private static Row row(ResultSet rs, int objectives) throws SQLException {
        List<Double> values = new ArrayList<>(objectives);
        for (int i = 0; i < objectives; i++) {
            double v = rs.getDouble(12 + i);
            values.add(rs.wasNull() ? null : v);
        }
        return new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                ExperimentStatus.valueOf(rs.getString(4)), rs.getString(5), JSON.readValue(rs.getString(6), MAP),
                values, rs.getBoolean(7), rs.getString(8), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
