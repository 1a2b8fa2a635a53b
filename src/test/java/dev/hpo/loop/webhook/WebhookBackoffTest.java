package dev.hpo.loop.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;


class WebhookBackoffTest {

    private final WebhookSettings settings = new WebhookSettings(Duration.ofMillis(500), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30), 10, 50, 2);

    @Test
    void doublesTheWaitAfterEachFailureUpToTheMaximum() {
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoffAfter(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(settings.backoffAfter(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoffAfter(60)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void rejectsZeroAttempts() {
        assertThatThrownBy(() -> new WebhookSettings(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(30), 0, 50, 2))
                .hasMessageContaining("hpo.webhook.max-attempts");
    }
}
