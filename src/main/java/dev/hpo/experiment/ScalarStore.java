package dev.hpo.experiment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.hpo.objective.MetricSummary;

/**
 * Scalar points and the per-metric summaries kept beside them. Points are keyed by (experiment, title, series,
 * iteration), so a re-sent report inserts nothing; only the points that are new update the summary, in the
 * caller's transaction. Ranking and top-k read the summaries and never scan the points.
 */
@Repository
public class ScalarStore {

    private static final String INSERT_POINT = """
            insert into scalar (experiment_id, title, series, iteration, value, reported_at)
            values (?, ?, ?, ?, ?, ?) on conflict do nothing""";

    private static final String UPSERT_SUMMARY = """
            insert into metric_summary
                (experiment_id, study_id, title, series, last_value, last_iteration, min_value, max_value, count)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (experiment_id, title, series) do update set
                last_value = case when excluded.last_iteration >= metric_summary.last_iteration
                                  then excluded.last_value else metric_summary.last_value end,
                last_iteration = greatest(metric_summary.last_iteration, excluded.last_iteration),
                min_value = least(metric_summary.min_value, excluded.min_value),
                max_value = greatest(metric_summary.max_value, excluded.max_value),
                count = metric_summary.count + excluded.count""";

    private final JdbcTemplate jdbc;

    ScalarStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes every point and summary of an experiment (a retry starts from nothing), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteAll(UUID experimentId) {
        jdbc.update("delete from scalar where experiment_id = ?", experimentId);
        jdbc.update("delete from metric_summary where experiment_id = ?", experimentId);
    }

    /**
     * Inserts the points not stored yet and folds exactly those into the summaries.
     *
     * @return how many points were new
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int append(UUID experimentId, UUID studyId, List<ScalarPoint> points, Instant now) {
        if (points.isEmpty()) {
            return 0;
        }
        Timestamp at = Timestamp.from(now);
        int[][] counts = jdbc.batchUpdate(INSERT_POINT, points, points.size(), (ps, p) -> {
            ps.setObject(1, experimentId);
            ps.setString(2, p.title());
            ps.setString(3, p.series());
            ps.setLong(4, p.iteration());
            ps.setDouble(5, p.value());
            ps.setTimestamp(6, at);
        });
        Map<MetricKey, Fold> folds = new LinkedHashMap<>();
        int index = 0;
        int inserted = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                ScalarPoint p = points.get(index++);
                // 0 means the point was already stored (a retried report); SUCCESS_NO_INFO never comes from
                // PostgreSQL without rewritten batches, which this service does not enable.
                if (count != 0) {
                    inserted++;
                    folds.computeIfAbsent(new MetricKey(p.title(), p.series()), k -> new Fold()).add(p);
                }
            }
        }
        List<Object[]> rows = new ArrayList<>(folds.size());
        folds.forEach((key, f) -> rows.add(new Object[] {experimentId, studyId, key.title(), key.series(),
                f.lastValue, f.lastIteration, f.min, f.max, f.count}));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(UPSERT_SUMMARY, rows);
        }
        return inserted;
    }

    /** Every summary of one experiment. */
    public List<ExperimentMetric> summariesOf(UUID experimentId) {
        return jdbc.query("""
                select experiment_id, title, series, last_value, last_iteration, min_value, max_value, count
                from metric_summary where experiment_id = ? order by title, series""",
                (rs, i) -> metric(rs), experimentId);
    }

    /** Summaries of one metric for every experiment of a study that reported it. */
    public Map<UUID, MetricSummary> summariesOf(UUID studyId, String title, String series) {
        Map<UUID, MetricSummary> result = new LinkedHashMap<>();
        jdbc.query("""
                select experiment_id, title, series, last_value, last_iteration, min_value, max_value, count
                from metric_summary where study_id = ? and title = ? and series = ?""",
                rs -> {
                    ExperimentMetric m = metric(rs);
                    result.put(m.experimentId(), m.summary());
                }, studyId, title, series);
        return result;
    }

    /** Every summary of every experiment of a study. */
    public List<ExperimentMetric> summariesOfStudy(UUID studyId) {
        return jdbc.query("""
                select experiment_id, title, series, last_value, last_iteration, min_value, max_value, count
                from metric_summary where study_id = ?""", (rs, i) -> metric(rs), studyId);
    }

    /** Points of one experiment ordered by metric and iteration, optionally of one title and/or series. */
    public List<StoredScalar> pointsOf(UUID experimentId, String title, String series) {
        return jdbc.query("""
                select title, series, iteration, value, reported_at from scalar
                where experiment_id = ? and (cast(? as text) is null or title = ?)
                  and (cast(? as text) is null or series = ?)
                order by title, series, iteration""",
                (rs, i) -> new StoredScalar(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4),
                        rs.getTimestamp(5).toInstant()),
                experimentId, title, title, series, series);
    }

    /** Points of one metric for these experiments by experiment, ordered by iteration (intermediate values). */
    public Map<UUID, List<StoredScalar>> seriesOf(Collection<UUID> experimentIds, String title, String series) {
        Map<UUID, List<StoredScalar>> result = new LinkedHashMap<>();
        if (experimentIds.isEmpty()) {
            return result;
        }
        jdbc.query("""
                select experiment_id, title, series, iteration, value, reported_at from scalar
                where experiment_id = any(?) and title = ? and series = ? order by experiment_id, iteration""",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("uuid", experimentIds.toArray()));
                    ps.setString(2, title);
                    ps.setString(3, series);
                },
                rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new StoredScalar(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getDouble(5),
                                    rs.getTimestamp(6).toInstant()));
                });
        return result;
    }

    private static ExperimentMetric metric(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ExperimentMetric(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                new MetricSummary(rs.getDouble(4), rs.getLong(5), rs.getDouble(6), rs.getDouble(7), rs.getLong(8)));
    }

    /** The new points of one metric, folded: the last by iteration, min, max, count. */
    private static final class Fold {
        double lastValue;
        long lastIteration = Long.MIN_VALUE;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long count;

        void add(ScalarPoint p) {
            if (p.iteration() >= lastIteration) {
                lastIteration = p.iteration();
                lastValue = p.value();
            }
            min = Math.min(min, p.value());
            max = Math.max(max, p.value());
            count++;
        }
    }
}
