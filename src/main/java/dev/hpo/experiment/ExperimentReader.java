package dev.hpo.experiment;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hpo.shared.NotFoundException;

/** Reads one experiment with its metrics and scalar points. */
@Service
public class ExperimentReader {

    private final ExperimentRepository experiments;
    private final ScalarStore scalars;

    ExperimentReader(ExperimentRepository experiments, ScalarStore scalars) {
        this.experiments = experiments;
        this.scalars = scalars;
    }

    /** One experiment with every metric summary and its points (optionally of one title and/or series). */
    public record Details(Experiment experiment, List<ExperimentMetric> metrics, List<StoredScalar> scalars) {
    }

    @Transactional(readOnly = true)
    public Details details(ExperimentId id, String title, String series) {
        Experiment experiment = experiments.findById(id.value())
                .orElseThrow(() -> NotFoundException.of("experiment", id.value()));
        return new Details(experiment, scalars.summariesOf(id.value()), scalars.pointsOf(id.value(), title, series));
    }
}
