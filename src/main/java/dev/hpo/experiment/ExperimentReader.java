package dev.hpo.experiment;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hpo.shared.NotFoundException;
import dev.hpo.study.StudyId;
import dev.hpo.study.StudyRepository;

/** Reads experiments: a study's (all or active, paged) and one with its metrics and scalar points. */
@Service
public class ExperimentReader {

    private static final Set<ExperimentStatus> ACTIVE = EnumSet.of(ExperimentStatus.QUEUED, ExperimentStatus.RUNNING);

    private final ExperimentRepository experiments;
    private final StudyRepository studies;
    private final ScalarStore scalars;

    ExperimentReader(ExperimentRepository experiments, StudyRepository studies, ScalarStore scalars) {
        this.experiments = experiments;
        this.studies = studies;
        this.scalars = scalars;
    }

    /** One experiment with every metric summary and its points (optionally of one title and/or series). */
    public record Details(Experiment experiment, List<ExperimentMetric> metrics, List<StoredScalar> scalars) {
    }

    /** A study's experiments in creation order; only QUEUED and RUNNING ones when {@code activeOnly}. */
    @Transactional(readOnly = true)
    public Page<Experiment> ofStudy(StudyId studyId, boolean activeOnly, int page, int size) {
        if (!studies.existsById(studyId.value())) {
            throw NotFoundException.of("study", studyId.value());
        }
        PageRequest request = PageRequest.of(page, size, Sort.by("number"));
        return activeOnly ? experiments.findByStudyIdAndStatusIn(studyId.value(), ACTIVE, request)
                : experiments.findByStudyId(studyId.value(), request);
    }

    @Transactional(readOnly = true)
    public Details details(ExperimentId id, String title, String series) {
        Experiment experiment = experiments.findById(id.value())
                .orElseThrow(() -> NotFoundException.of("experiment", id.value()));
        return new Details(experiment, scalars.summariesOf(id.value()), scalars.pointsOf(id.value(), title, series));
    }

    /** Summaries of every experiment of a study (for the experiments list's objective values). */
    @Transactional(readOnly = true)
    public List<ExperimentMetric> summariesOfStudy(StudyId studyId) {
        return scalars.summariesOfStudy(studyId.value());
    }
}
