package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.TestDatabase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * V10 moves each study's limits from one column per limit into {@code study.limits}: a study stored before it
 * keeps every limit it had, read back by the codec as the loop reads it. (The expected values are spelled by key,
 * not with {@code StudyLimits}' constructor, so a limit added later does not touch this test.)
 */
class LimitsMigrationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aStudyStoredBeforeV10KeepsItsLimitsAndOneWithoutLimitsReadsAsNone() throws SQLException {
        TestDatabase.Target db = TestDatabase.newDatabase();
        migrate(db, "7");
        UUID all = UUID.randomUUID();
        UUID none = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             Statement st = c.createStatement()) {
            UUID base = UUID.randomUUID();
            st.execute("INSERT INTO base_experiment (id, name, project, parameters, created_at) VALUES ('" + base
                    + "', 'b', 'p', '{}', now())");
            String columns = "id, name, base_experiment_id, space, objectives, strategy_name, seed, backend, status, "
                    + "created_at, max_concurrent_experiments";
            String common = "'s', '" + base + "', '[]', '[]', 'random', 1, 'queue', 'CREATED', now()";
            st.execute("INSERT INTO study (" + columns + ", total_max_jobs, optimization_time_limit_minutes, "
                    + "compute_time_limit_minutes, time_limit_per_job_minutes, min_iteration_per_job, "
                    + "max_iteration_per_job, max_retries_per_experiment) VALUES ('" + all + "', " + common
                    + ", 4, 40, 90.5, 120, 2.25, 1, 27, 3)");
            st.execute("INSERT INTO study (" + columns + ") VALUES ('" + none + "', " + common + ", 1)");
        }

        migrate(db, "latest");

        Map<String, Object> allStored = limitsOf(db, all);
        // jsonb writes a whole double without ".0": 120, read back as an Integer
        assertThat(allStored).containsExactlyInAnyOrderEntriesOf(Map.of("maxConcurrentExperiments", 4,
                "totalMaxJobs", 40, "optimizationTimeLimitMinutes", 90.5, "computeTimeLimitMinutes", 120,
                "timeLimitPerJobMinutes", 2.25, "minIterationPerJob", 1, "maxIterationPerJob", 27,
                "maxRetriesPerExperiment", 3));
        Map<String, Object> noneStored = limitsOf(db, none);
        assertThat(noneStored).containsExactlyInAnyOrderEntriesOf(Map.of("maxConcurrentExperiments", 1,
                "maxRetriesPerExperiment", 0));
        // and the codec reads them as the loop will
        StudyLimits read = StudyDefinitionCodec.decodeLimits(allStored);
        assertThat(read.totalMaxJobs()).isEqualTo(40);
        assertThat(read.computeTimeLimitMinutes()).isEqualTo(120.0);
        assertThat(read.maxIterationPerJob()).isEqualTo(27L);
        assertThat(read.maxRetriesPerExperiment()).isEqualTo(3);
        assertThat(StudyDefinitionCodec.decodeLimits(noneStored).totalMaxJobs()).isNull();
    }

    private static void migrate(TestDatabase.Target db, String target) {
        Flyway.configure().dataSource(db.url(), db.username(), db.password()).locations("classpath:db/migration")
                .target(target).load().migrate();
    }

    private static Map<String, Object> limitsOf(TestDatabase.Target db, UUID study) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT limits::text FROM study WHERE id = '" + study + "'")) {
            rs.next();
            return JSON.readValue(rs.getString(1), new TypeReference<Map<String, Object>>() {
            });
        }
    }
}
