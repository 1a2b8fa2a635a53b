package dev.hpo.backend.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ProcessBackendSettingsTest {

    @Test
    void isOnOnlyInDevelopmentModeUnlessSetExplicitly() {
        assertThat(ProcessBackendSettings.defaults(null).enabledWhen(true)).isTrue();
        assertThat(ProcessBackendSettings.defaults(null).enabledWhen(false)).isFalse();
        assertThat(ProcessBackendSettings.defaults(true).enabledWhen(false)).isTrue();
        assertThat(ProcessBackendSettings.defaults(false).enabledWhen(true)).isFalse();
    }

    @Test
    void rejectsATinyOutputLimitNamingTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProcessBackendSettings(null, DataSize.ofBytes(10), 20, Duration.ofSeconds(1),
                        Duration.ofSeconds(1), Duration.ofSeconds(30), null))
                .withMessageContaining("hpo.backend.process.output-limit");
    }
}
