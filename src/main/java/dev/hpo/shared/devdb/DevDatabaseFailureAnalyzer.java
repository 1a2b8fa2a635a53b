package dev.hpo.shared.devdb;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link DevDatabaseException} into Spring Boot's short "APPLICATION FAILED TO START" report (description
 * and action) instead of a long stack trace. Registered in {@code META-INF/spring.factories}.
 */
class DevDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DevDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DevDatabaseException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
