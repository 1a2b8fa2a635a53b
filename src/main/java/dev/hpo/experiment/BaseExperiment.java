package dev.hpo.experiment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.hpo.shared.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The template every experiment of a study is cloned from: default parameters and, for the process backend,
 * how to run it. Immutable once created.
 */
@Entity
@Table(name = "base_experiment")
public class BaseExperiment extends AssignedIdEntity {


    private String name;

    private String project;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> parameters;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> command;

    @Column(name = "working_directory")
    private String workingDirectory;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> environment;

    @Column(name = "created_at")
    private Instant createdAt;

    protected BaseExperiment() {
    }

    public BaseExperiment(BaseExperimentId id, String name, String project, Map<String, Object> parameters,
                          List<String> command, String workingDirectory, Map<String, String> environment,
                          Instant createdAt) {
        super(id.value());
        this.name = name;
        this.project = project;
        this.parameters = parameters == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parameters);
        this.command = command == null ? null : List.copyOf(command);
        this.workingDirectory = workingDirectory;
        this.environment = environment == null ? new LinkedHashMap<>() : new LinkedHashMap<>(environment);
        this.createdAt = createdAt;
    }

    public BaseExperimentId id() {
        return new BaseExperimentId(id);
    }

    public String name() {
        return name;
    }

    public String project() {
        return project;
    }

    /** Default parameter values; a study's experiment overrides the ones its space names. */
    public Map<String, Object> parameters() {
        return parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(parameters);
    }

    /** The argv to run for the process backend, or null when only queue workers run it. */
    public List<String> command() {
        return command;
    }

    public String workingDirectory() {
        return workingDirectory;
    }

    public Map<String, String> environment() {
        return environment == null ? Map.of() : java.util.Collections.unmodifiableMap(environment);
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** This template's defaults with {@code overrides} on top: what an experiment is actually run with. */
    public Map<String, Object> parametersWith(Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(parameters());
        merged.putAll(overrides);
        return merged;
    }
}
