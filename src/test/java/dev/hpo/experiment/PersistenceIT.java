package dev.hpo.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hpo.objective.MetricSummary;
import dev.hpo.objective.Objective;
import dev.hpo.objective.Sign;
import dev.hpo.shared.StudyId;
import dev.hpo.study.EarlyStopping;
import dev.hpo.study.NewStudy;
import dev.hpo.study.Study;
import dev.hpo.study.StudyLimits;
import dev.hpo.study.StudyRepository;
import dev.hpo.study.StudyStatus;

@SpringBootTest
class PersistenceIT {

    @Autowired BaseExperimentRepository bases;
    @Autowired StudyRepository studies;
    @Autowired ExperimentRepository experiments;
    @Autowired ScalarStore scalars;
    @Autowired TransactionTemplate tx;

    @Test
    void storesJsonColumnsAndFoldsOnlyNewPointsIntoTheSummary() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        BaseExperiment base = bases.save(new BaseExperiment(BaseExperimentId.random(), "train", "demo",
                Map.of("General/lr", 0.1, "epochs", 3), List.of("python3", "t.py"), null, Map.of("A", "b"), now));
        List<Map<String, Object>> space = List.of(Map.of("type", "uniform", "name", "x", "min", 0, "max", 1));
        NewStudy definition = new NewStudy("s", base.id(), space,
                List.of(new Objective("validation", "loss", Sign.MIN_GLOBAL)), "random", Map.of("a", 1), 42L,
                new EarlyStopping("median", Map.of("startupTrials", 5)), "queue", "default",
                new StudyLimits(2, 10, 60.0, null, null, null, 100L), null, null, 5.0);
        StudyId studyId = StudyId.random();
        ExperimentId experimentId = ExperimentId.random();
        tx.executeWithoutResult(s -> {
            Study study = new Study(studyId, definition, now);
            study.start(now, null);
            study.saveStrategyState(Map.of("k", List.of(1, 2)));
            studies.save(study);
            experiments.save(new Experiment(experimentId, studyId, study.nextExperimentNumber(), "train #0", "demo",
                    Map.of("x", 0.5), "default", 100L, now));
        });

        Study loaded = studies.findById(studyId.value()).orElseThrow();
        assertThat(loaded.status()).isEqualTo(StudyStatus.RUNNING);
        assertThat(loaded.objectives()).containsExactly(new Objective("validation", "loss", Sign.MIN_GLOBAL));
        assertThat(loaded.space().get(0)).containsEntry("name", "x");
        assertThat(loaded.earlyStopping().settings()).containsEntry("startupTrials", 5);
        assertThat(loaded.strategyState()).containsEntry("k", List.of(1, 2));
        assertThat(loaded.deadline()).isEqualTo(now.plusSeconds(3600));
        assertThat(loaded.experimentsCreated()).isEqualTo(1);
        assertThat(bases.findById(base.id().value()).orElseThrow().command()).containsExactly("python3", "t.py");

        Experiment queued = experiments.findById(experimentId.value()).orElseThrow();
        assertThat(queued.status()).isEqualTo(ExperimentStatus.QUEUED);
        assertThat(queued.queue()).isEqualTo("default");
        tx.executeWithoutResult(s -> scalars.append(experimentId.value(), studyId.value(), List.of(
                new ScalarPoint("validation", "loss", 0, 3.0), new ScalarPoint("validation", "loss", 2, 1.0)), now));
        tx.executeWithoutResult(s -> assertThat(scalars.append(experimentId.value(), studyId.value(), List.of(
                new ScalarPoint("validation", "loss", 2, 1.0), new ScalarPoint("validation", "loss", 1, 0.5)), now))
                .isEqualTo(1));

        Map<UUID, MetricSummary> summaries = scalars.summariesOf(studyId.value(), "validation", "loss");
        assertThat(summaries.get(experimentId.value())).isEqualTo(new MetricSummary(1.0, 2, 0.5, 3.0, 3));
    }
}
