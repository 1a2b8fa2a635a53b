package dev.hpo.backend.process;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the {@code process} backend ({@code hpo.backend.process.*}).
 *
 * @param enabled            whether the service may run commands on its own host. Unset: on only in the zero-set-up
 *                           development mode (the embedded development database), off with a configured database
 * @param outputLimit        how much of a process's combined stdout and stderr is kept (the tail; counted in
 *                           characters)
 * @param failureOutputLines how many of the last output lines go into a failed experiment's message
 * @param killGracePeriod    after {@code destroy} (SIGTERM), how long a process may take to exit before it is killed
 *                           forcibly (SIGKILL)
 * @param heartbeatInterval  how often the lease of a running experiment is renewed; unset: as HTTP workers are
 *                           asked to ({@code hpo.worker.heartbeat-interval}, a third of the lease timeout)
 * @param recoveryInterval   how often the backend looks for experiments of its studies left QUEUED for longer than
 *                           this (their launch was lost: the service stopped between creating and starting one)
 *                           and starts them
 * @param apiUrl             the base URL handed to scripts as {@code HPO_API_URL}; unset: {@code http://127.0.0.1:<the
 *                           running server's port><context path>}
 */
@ConfigurationProperties("hpo.backend.process")
public record ProcessBackendSettings(Boolean enabled,
                                     @DefaultValue("64KB") DataSize outputLimit,
                                     @DefaultValue("20") int failureOutputLines,
                                     @DefaultValue("10s") Duration killGracePeriod,
                                     Duration heartbeatInterval,
                                     @DefaultValue("30s") Duration recoveryInterval,
                                     String apiUrl) {

    public ProcessBackendSettings {
        if (outputLimit == null || outputLimit.toBytes() < 1024) {
            throw new IllegalArgumentException("hpo.backend.process.output-limit must be at least 1KB");
        }
        if (failureOutputLines < 0) {
            throw new IllegalArgumentException("hpo.backend.process.failure-output-lines must not be negative");
        }
        if (killGracePeriod == null || killGracePeriod.isNegative()) {
            throw new IllegalArgumentException("hpo.backend.process.kill-grace-period must not be negative");
        }
        if (recoveryInterval == null || recoveryInterval.isNegative() || recoveryInterval.isZero()) {
            throw new IllegalArgumentException("hpo.backend.process.recovery-interval must be positive");
        }
        if (heartbeatInterval != null && (heartbeatInterval.isNegative() || heartbeatInterval.isZero())) {
            throw new IllegalArgumentException("hpo.backend.process.heartbeat-interval must be positive");
        }
    }

    /** Defaults everywhere, with {@code enabled} as given: for tests and for code that builds the backend itself. */
    public static ProcessBackendSettings defaults(Boolean enabled) {
        return new ProcessBackendSettings(enabled, DataSize.ofKilobytes(64), 20, Duration.ofSeconds(10),
                Duration.ofSeconds(15), Duration.ofSeconds(30), null);
    }

    /** These settings with the heartbeat interval filled in when it was left unset. */
    public ProcessBackendSettings withDefaultHeartbeat(Duration interval) {
        return heartbeatInterval != null ? this : new ProcessBackendSettings(enabled, outputLimit, failureOutputLines,
                killGracePeriod, interval, recoveryInterval, apiUrl);
    }

    /** Whether the backend runs, given whether the embedded development database is in use. */
    public boolean enabledWhen(boolean developmentMode) {
        return enabled != null ? enabled : developmentMode;
    }

    int outputLimitChars() {
        return (int) Math.min(Integer.MAX_VALUE / 2, outputLimit.toBytes());
    }
}
