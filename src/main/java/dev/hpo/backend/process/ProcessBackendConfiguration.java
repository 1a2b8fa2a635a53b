package dev.hpo.backend.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.hpo.queue.WorkerSettings;
import dev.hpo.security.ServiceWorkerToken;
import dev.hpo.shared.DevelopmentMode;

/**
 * Creates the {@code process} backend, on or off as the operator chose (see {@link ProcessBackendSettings#enabled}).
 * Closing the context closes it before the services it reports to: its processes are killed first.
 */
@Configuration(proxyBeanMethods = false)
class ProcessBackendConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProcessBackendConfiguration.class);

    @Bean(destroyMethod = "close")
    ProcessBackend processBackend(ProcessBackendSettings settings, WorkerSettings workers, ProcessEvents events,
                                  ServiceBaseUrl serviceUrl, ServiceWorkerToken token, Environment environment) {
        boolean enabled = settings.enabledWhen(developmentMode(environment));
        if (enabled) {
            log.info("The process backend is on: studies may run their base experiment's command on this host "
                    + "(hpo.backend.process.enabled)");
        }
        return new ProcessBackend(settings.withDefaultHeartbeat(workers.heartbeatInterval()), enabled, events,
                serviceUrl, token::secret);
    }

    /** The zero-set-up development mode ({@link DevelopmentMode}). */
    static boolean developmentMode(Environment environment) {
        return DevelopmentMode.isOn(environment);
    }
}
