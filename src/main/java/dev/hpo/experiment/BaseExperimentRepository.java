package dev.hpo.experiment;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Base experiments by id, and pages of them by creation time. */
public interface BaseExperimentRepository extends JpaRepository<BaseExperiment, UUID> {
}
