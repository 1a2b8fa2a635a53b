package dev.hpo.study;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hpo.experiment.Experiment;
import dev.hpo.experiment.ExperimentRepository;
import dev.hpo.experiment.ExperimentStatus;
import dev.hpo.experiment.ScalarStore;
import dev.hpo.objective.MetricSummary;
import dev.hpo.objective.Objective;
import dev.hpo.objective.Pareto;
import dev.hpo.objective.Ranking;
import dev.hpo.objective.Sign;
import dev.hpo.shared.NotFoundException;
import dev.hpo.shared.StudyId;

/**
 * Rankings of a study's experiments from the metric summaries (never the scalar points). Ranked are the
 * experiments that ended COMPLETED or ABORTED (time or iteration limit, pruning: their values so far are real
 * results) and reported every objective; RUNNING ones join when asked. FAILED experiments are never ranked.
 * One objective ranks by value (ties by creation order); several by Pareto front, then crowding distance.
 */
@Service
public class StudyResults {

    private static final Set<ExperimentStatus> ENDED_WITH_RESULTS = EnumSet.of(ExperimentStatus.COMPLETED,
            ExperimentStatus.ABORTED);

    private final StudyRepository studies;
    private final ExperimentRepository experiments;
    private final ScalarStore scalars;

    StudyResults(StudyRepository studies, ExperimentRepository experiments, ScalarStore scalars) {
        this.studies = studies;
        this.experiments = experiments;
        this.scalars = scalars;
    }

    /** The best {@code k} by the study's objectives ({@code get_top_experiments}). */
    @Transactional(readOnly = true)
    public List<RankedExperiment> top(StudyId id, int k, boolean includeRunning) {
        Study study = study(id);
        List<Candidate> candidates = candidates(id, study.objectives(), includeRunning);
        return Ranking.top(candidates, Candidate::losses, k).stream().map(Candidate::ranked).toList();
    }

    /** The experiments no other ranked experiment dominates, in creation order. */
    @Transactional(readOnly = true)
    public List<RankedExperiment> paretoFront(StudyId id, boolean includeRunning) {
        Study study = study(id);
        List<Candidate> candidates = candidates(id, study.objectives(), includeRunning);
        return Pareto.paretoFront(candidates, Candidate::losses).stream().map(Candidate::ranked).toList();
    }

    /** The best {@code k} by any metric and sign ({@code get_optimizer_top_experiments}). */
    @Transactional(readOnly = true)
    public List<RankedExperiment> topByMetric(StudyId id, String title, String series, Sign sign, int k,
                                              boolean includeRunning) {
        study(id);
        List<Candidate> candidates = candidates(id, List.of(new Objective(title, series, sign)), includeRunning);
        return Ranking.top(candidates, Candidate::losses, k).stream().map(Candidate::ranked).toList();
    }

    private Study study(StudyId id) {
        return studies.findById(id.value()).orElseThrow(() -> NotFoundException.of("study", id.value()));
    }

    private List<Candidate> candidates(StudyId id, List<Objective> objectives, boolean includeRunning) {
        Set<ExperimentStatus> statuses = EnumSet.copyOf(ENDED_WITH_RESULTS);
        if (includeRunning) {
            statuses.add(ExperimentStatus.RUNNING);
        }
        List<Map<UUID, MetricSummary>> summaries = new ArrayList<>(objectives.size());
        for (Objective objective : objectives) {
            summaries.add(scalars.summariesOf(id.value(), objective.title(), objective.series()));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Experiment e : experiments.findByStudyIdAndStatusInOrderByNumber(id.value(), statuses)) {
            double[] values = new double[objectives.size()];
            double[] losses = new double[objectives.size()];
            boolean complete = true;
            for (int i = 0; i < objectives.size() && complete; i++) {
                MetricSummary summary = summaries.get(i).get(e.id().value());
                if (summary == null) {
                    complete = false;
                } else {
                    values[i] = objectives.get(i).valueOf(summary);
                    losses[i] = objectives.get(i).loss(values[i]);
                }
            }
            if (complete) {
                long iteration = summaries.get(0).get(e.id().value()).lastIteration();
                candidates.add(new Candidate(e, values, losses, iteration));
            }
        }
        return candidates;
    }

    private record Candidate(Experiment experiment, double[] values, double[] losses, long iteration) {
        RankedExperiment ranked() {
            List<Double> objectiveValues = new ArrayList<>(values.length);
            for (double v : values) {
                objectiveValues.add(v);
            }
            return new RankedExperiment(experiment.id().value(), experiment.number(), experiment.name(),
                    experiment.status(), experiment.stopReason(), experiment.parameters(), objectiveValues, iteration,
                    experiment.archived());
        }
    }
}
