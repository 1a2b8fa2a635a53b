package dev.hpo.experiment;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Base experiments by id, and pages of them by creation time. */
public interface BaseExperimentRepository extends JpaRepository<BaseExperiment, UUID> {

    /**
     * The base experiment a study's experiments run (its defaults under the study's values, its command), found
     * from the study's id, so that code which holds an experiment need not load the study.
     */
    @Query(value = "SELECT b.* FROM base_experiment b JOIN study s ON s.base_experiment_id = b.id WHERE s.id = :studyId",
            nativeQuery = true)
    Optional<BaseExperiment> findOfStudy(@Param("studyId") UUID studyId);
}
