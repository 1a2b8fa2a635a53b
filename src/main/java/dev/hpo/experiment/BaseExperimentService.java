package dev.hpo.experiment;

import java.time.Clock;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hpo.shared.InputLimits;
import dev.hpo.shared.InvalidInputException;
import dev.hpo.shared.JsonValues;
import dev.hpo.shared.NotFoundException;

/** Registers and reads base experiments. */
@Service
public class BaseExperimentService {

    private final BaseExperimentRepository repository;
    private final Clock clock;

    BaseExperimentService(BaseExperimentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    public BaseExperiment create(NewBaseExperiment request) {
        if (request.parameters() != null) {
            JsonValues.requireFinite("parameters", request.parameters());
            request.parameters().keySet().forEach(name -> {
                if (name.isBlank()) {
                    throw new InvalidInputException("parameters", "parameter names must not be blank");
                }
                if (name.length() > InputLimits.MAX_NAME_LENGTH) {
                    throw new InvalidInputException("parameters", "parameter names must be at most "
                            + InputLimits.MAX_NAME_LENGTH + " characters, not " + name.length());
                }
            });
        }
        if (request.command() != null && request.command().isEmpty()) {
            throw new InvalidInputException("command", "must hold at least the program, or be left out");
        }
        if (request.environment() != null) {
            for (Map.Entry<String, String> e : request.environment().entrySet()) {
                if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new InvalidInputException("environment." + e.getKey(), "is not a valid variable name");
                }
                if (e.getValue() == null) {
                    throw new InvalidInputException("environment." + e.getKey(), "must be a string");
                }
            }
        }
        return repository.save(new BaseExperiment(BaseExperimentId.random(), request.name(), request.project(),
                request.parameters(), request.command(), request.workingDirectory(), request.environment(),
                clock.instant()));
    }

    @Transactional(readOnly = true)
    public BaseExperiment get(BaseExperimentId id) {
        return repository.findById(id.value()).orElseThrow(() -> NotFoundException.of("base experiment", id.value()));
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public Page<BaseExperiment> list(int page, int size) {
        return repository.findAll(PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
    }
}
