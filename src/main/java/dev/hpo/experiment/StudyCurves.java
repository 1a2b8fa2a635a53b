package dev.hpo.experiment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Learning curves of many experiments at once: which metrics a study's experiments report, and one metric's
 * points for a page of the experiments that report it, thinned to a bounded number of points each.
 */
@Repository
public class StudyCurves {

    private final JdbcTemplate jdbc;
    private final ScalarStore scalars;

    StudyCurves(JdbcTemplate jdbc, ScalarStore scalars) {
        this.jdbc = jdbc;
        this.scalars = scalars;
    }

    /** A metric some experiments of the study reported, and by how many of them. */
    public record Metric(String title, String series, long experiments) {
    }

    /** One experiment's curve: iterations and values side by side, at most maxPoints of them. */
    public record Curve(UUID experimentId, int number, ExperimentStatus status, String stopReason, long pointCount,
                        long[] iterations, double[] values) {
    }

    /** Every metric of the study, by title and series (from the summaries; the points are not read). */
    public List<Metric> metrics(UUID studyId) {
        return jdbc.query("""
                select title, series, count(*) from metric_summary where study_id = ?
                group by title, series order by title, series""",
                (rs, i) -> new Metric(rs.getString(1), rs.getString(2), rs.getLong(3)), studyId);
    }

    /**
     * One page (by experiment number) of the experiments with these statuses (all when empty) that reported the
     * metric, each with its points of the metric, thinned evenly to at most {@code maxPoints} (first and last kept).
     */
    public Page<Curve> curves(UUID studyId, String title, String series, Collection<ExperimentStatus> statuses,
                              int page, int size, int maxPoints) {
        List<Object> args = new ArrayList<>(List.of(title, series, studyId));
        StringBuilder where = new StringBuilder(" from experiment e join metric_summary m on m.experiment_id = e.id"
                + " and m.title = ? and m.series = ? where e.study_id = ?");
        if (!statuses.isEmpty()) {
            where.append(" and e.status in (");
            int i = 0;
            for (ExperimentStatus status : statuses) {
                where.append(i++ == 0 ? "?" : ", ?");
                args.add(status.name());
            }
            where.append(')');
        }
        Long total = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        record Head(UUID id, int number, ExperimentStatus status, String stopReason, long count) {
        }
        List<Head> heads = jdbc.query("select e.id, e.number, e.status, e.stop_reason, m.count" + where
                        + " order by e.number limit ? offset ?",
                (rs, i) -> new Head(rs.getObject(1, UUID.class), rs.getInt(2), ExperimentStatus.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getLong(5)), pageArgs.toArray());
        Map<UUID, List<StoredScalar>> points = scalars.seriesOf(heads.stream().map(Head::id).toList(), title, series);
        List<Curve> curves = new ArrayList<>(heads.size());
        for (Head h : heads) {
            List<StoredScalar> all = points.getOrDefault(h.id(), List.of());
            int n = Math.min(all.size(), maxPoints);
            long[] iterations = new long[n];
            double[] values = new double[n];
            for (int k = 0; k < n; k++) {
                int index = n == all.size() ? k : (int) Math.round((double) k * (all.size() - 1) / (n - 1));
                iterations[k] = all.get(index).iteration();
                values[k] = all.get(index).value();
            }
            curves.add(new Curve(h.id(), h.number(), h.status(), h.stopReason(), all.size(), iterations, values));
        }
        return new PageImpl<>(curves, PageRequest.of(page, size), total == null ? 0 : total);
    }
}
