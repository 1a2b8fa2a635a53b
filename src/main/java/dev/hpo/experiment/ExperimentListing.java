package dev.hpo.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.hpo.objective.Objective;

/**
 * One page of a study's experiments, filtered by status and ordered by number, start, end or an objective's value
 * (by its sign: last value, or min/max of all values; experiments without a value last). The page's ids come from
 * one SQL query and the rows from the repository, so a page costs the same for 100 experiments as for 100,000.
 */
@Repository
public class ExperimentListing {

    /** What the list is ordered by; ties (and {@link #NUMBER}) by experiment number. */
    public enum Order {
        NUMBER("e.number"), STARTED_AT("e.started_at"), ENDED_AT("e.ended_at"), OBJECTIVE(null);

        private final String column;

        Order(String column) {
            this.column = column;
        }
    }

    /**
     * @param status     only this status, or null for all
     * @param activeOnly only QUEUED and RUNNING
     * @param objective  the objective {@link Order#OBJECTIVE} orders by (ignored otherwise)
     */
    public record Query(UUID studyId, ExperimentStatus status, boolean activeOnly, Order order, boolean descending,
                        Objective objective, int page, int size) {
    }

    private final JdbcTemplate jdbc;
    private final ExperimentRepository experiments;

    ExperimentListing(JdbcTemplate jdbc, ExperimentRepository experiments) {
        this.jdbc = jdbc;
        this.experiments = experiments;
    }

    @Transactional(readOnly = true)
    public Page<Experiment> page(Query q) {
        List<Object> args = new ArrayList<>();
        StringBuilder from = new StringBuilder(" from experiment e");
        String orderBy;
        if (q.order() == Order.OBJECTIVE) {
            from.append(" left join metric_summary m on m.experiment_id = e.id and m.title = ? and m.series = ?");
            args.add(q.objective().title());
            args.add(q.objective().series());
            orderBy = switch (q.objective().sign()) {
                case MIN, MAX -> "m.last_value";
                case MIN_GLOBAL -> "m.min_value";
                case MAX_GLOBAL -> "m.max_value";
            };
        } else {
            orderBy = q.order().column;
        }
        from.append(" where e.study_id = ?");
        args.add(q.studyId());
        if (q.status() != null) {
            from.append(" and e.status = ?");
            args.add(q.status().name());
        }
        if (q.activeOnly()) {
            from.append(" and e.status in ('QUEUED', 'RUNNING')");
        }
        long total = jdbc.queryForObject("select count(*)" + from, Long.class, args.toArray());
        String direction = q.descending() ? " desc" : " asc";
        String sql = "select e.id" + from + " order by " + orderBy + direction + " nulls last, e.number" + direction
                + " limit ? offset ?";
        args.add(q.size());
        args.add((long) q.page() * q.size());
        List<UUID> ids = jdbc.queryForList(sql, UUID.class, args.toArray());
        Map<UUID, Experiment> byId = experiments.findAllById(ids).stream()
                .collect(Collectors.toMap(e -> e.id().value(), Function.identity()));
        List<Experiment> rows = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        return new PageImpl<>(rows, PageRequest.of(q.page(), q.size()), total);
    }
}
