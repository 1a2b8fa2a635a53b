package dev.hpo.metrics;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.hpo.events.EventHub;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Gauges of the whole cluster's state, read from the database every {@code hpo.metrics.gauge-refresh} (10 s):
 * {@code hpo.studies{status}} (studies by status) and {@code hpo.experiments.active{status}} (QUEUED and RUNNING
 * experiments). Every replica reports the same values: take the max across instances, not the sum. Also
 * {@code hpo.events.streams}: event streams open on this replica.
 */
@Component
class DatabaseGauges {

    private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);
    private static final List<String> STUDY_STATUSES = List.of("CREATED", "RUNNING", "STOPPING", "COMPLETED", "STOPPED",
            "FAILED");

    private final JdbcTemplate jdbc;
    private final MultiGauge studies;
    private final MultiGauge active;

    DatabaseGauges(JdbcTemplate jdbc, MeterRegistry registry, EventHub hub) {
        this.jdbc = jdbc;
        this.studies = MultiGauge.builder("hpo.studies").description("Studies by status").register(registry);
        this.active = MultiGauge.builder("hpo.experiments.active")
                .description("Active experiments (QUEUED waiting for a worker, RUNNING)").register(registry);
        Gauge.builder("hpo.events.streams", hub, EventHub::openStreams)
                .description("Event streams open on this replica").register(registry);
    }

    @Scheduled(initialDelayString = "${hpo.metrics.gauge-refresh:10s}", fixedDelayString = "${hpo.metrics.gauge-refresh:10s}")
    void refresh() {
        try {
            List<MultiGauge.Row<?>> studyRows = new ArrayList<>();
            java.util.Map<String, Long> byStatus = new java.util.HashMap<>();
            jdbc.query("select status, count(*) from study group by status",
                    rs -> {
                        byStatus.put(rs.getString(1), rs.getLong(2));
                    });
            for (String status : STUDY_STATUSES) {
                studyRows.add(MultiGauge.Row.of(Tags.of("status", status), byStatus.getOrDefault(status, 0L)));
            }
            studies.register(studyRows, true);
            java.util.Map<String, Long> activeByStatus = new java.util.HashMap<>();
            jdbc.query("select status, count(*) from experiment where status in ('QUEUED', 'RUNNING') group by status",
                    rs -> {
                        activeByStatus.put(rs.getString(1), rs.getLong(2));
                    });
            active.register(List.of(
                    MultiGauge.Row.of(Tags.of("status", "QUEUED"), activeByStatus.getOrDefault("QUEUED", 0L)),
                    MultiGauge.Row.of(Tags.of("status", "RUNNING"), activeByStatus.getOrDefault("RUNNING", 0L))), true);
        } catch (RuntimeException e) {
            log.warn("could not refresh the database gauges; retrying", e);
        }
    }
}
