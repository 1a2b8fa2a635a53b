package dev.hpo.loop.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How job-complete webhooks are delivered.
 *
 * @param pollInterval   how often the outbox is scanned for due deliveries (new events also wake it at once)
 * @param connectTimeout TCP connect timeout of one POST
 * @param requestTimeout whole-request timeout of one POST; a slow receiver never blocks anything but this attempt
 * @param initialBackoff wait after the first failure; doubled after each further failure
 * @param maxBackoff     the longest wait between two attempts
 * @param maxAttempts    attempts before an event is given up (its last error stays in the outbox)
 * @param batchSize      events claimed per scan
 * @param threads        concurrent POSTs
 */
@ConfigurationProperties("hpo.webhook")
public record WebhookSettings(@DefaultValue("500ms") Duration pollInterval,
                              @DefaultValue("2s") Duration connectTimeout,
                              @DefaultValue("5s") Duration requestTimeout,
                              @DefaultValue("1s") Duration initialBackoff,
                              @DefaultValue("5m") Duration maxBackoff,
                              @DefaultValue("10") int maxAttempts,
                              @DefaultValue("50") int batchSize,
                              @DefaultValue("2") int threads) {

    public WebhookSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("hpo.webhook.max-attempts must be at least 1, not " + maxAttempts);
        }
        if (batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException("hpo.webhook.batch-size and hpo.webhook.threads must be at least 1");
        }
    }

    /** The wait after {@code attempts} failed attempts: initial * 2^(attempts-1), capped. */
    public Duration backoffAfter(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
