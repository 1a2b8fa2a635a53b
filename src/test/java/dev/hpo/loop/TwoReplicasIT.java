package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;

/** Two service instances on one database drive a set of studies without ever both driving one. */
class TwoReplicasIT {

    @Test
    void twoInstancesSplitTheStudiesAndNeverBothCreateForOne() {
        TestDatabase.Target database = TestDatabase.newDatabase();
        try (TestApp a = TestApp.start(database, "hpo.loop.replica-id=replica-a", "hpo.loop.max-studies-per-claim=3");
             TestApp b = TestApp.start(database, "hpo.loop.replica-id=replica-b", "hpo.loop.max-studies-per-claim=3")) {
            // given six studies on one queue, created and started through either instance
            List<String> studies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                TestApp via = i % 2 == 0 ? a : b;
                Map<String, Object> definition = Studies.quadratic(via.http.createBaseExperiment("replicas-" + i),
                        "q-replicas", "random", i);
                definition.put("maxConcurrentExperiments", 2);
                definition.put("totalMaxJobs", 8);
                studies.add(via.createStudy(definition));
            }
            // when workers of both instances pull from the shared queue while both loops run
            try (Workers onA = new Workers(a.http, "q-replicas", 3, Studies.quadraticJob(3, 2_000_000L));
                 Workers onB = new Workers(b.http, "q-replicas", 3, Studies.quadraticJob(3, 2_000_000L))) {
                for (int i = 0; i < studies.size(); i++) {
                    (i % 2 == 0 ? a : b).start(studies.get(i), null);
                }
                await().atMost(Duration.ofSeconds(90)).until(() -> studies.stream()
                        .allMatch(s -> "COMPLETED".equals(Studies.status(a.jdbc(), s))));
            }

            // then every study has its 8 experiments numbered once, each created by a single replica
            Set<String> creators = new HashSet<>();
            for (String study : studies) {
                List<Integer> numbers = a.jdbc().queryForList(
                        "SELECT number FROM experiment WHERE study_id = ?::uuid ORDER BY number", Integer.class, study);
                assertThat(numbers).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
                List<String> byStudy = a.jdbc().queryForList(
                        "SELECT DISTINCT created_by FROM experiment WHERE study_id = ?::uuid", String.class, study);
                assertThat(byStudy).as("replicas that created experiments of study %s", study).hasSize(1);
                creators.addAll(byStudy);
                assertThat(Studies.maxActiveAtOnce(a.jdbc(), study)).isLessThanOrEqualTo(2);
            }
            // and both replicas drove some of them
            assertThat(creators).containsExactlyInAnyOrder("replica-a", "replica-b");
            // and an ended study holds no lease
            assertThat(a.jdbc().queryForObject("SELECT count(*) FROM study WHERE lease_owner IS NOT NULL", Integer.class))
                    .isZero();
        }
    }
}
