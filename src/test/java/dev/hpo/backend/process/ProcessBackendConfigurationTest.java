package dev.hpo.backend.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProcessBackendConfigurationTest {

    @Test
    void developmentModeIsTheEmbeddedDatabaseWithNoUrlConfigured() {
        assertThat(ProcessBackendConfiguration.developmentMode(new MockEnvironment())).isTrue();
    }

    @Test
    void aConfiguredDatabaseIsNoDevelopmentMode() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/hpo");

        assertThat(ProcessBackendConfiguration.developmentMode(environment)).isFalse();
    }

    @Test
    void theEmbeddedDatabaseTurnedOffIsNoDevelopmentMode() {
        MockEnvironment environment = new MockEnvironment().withProperty("hpo.dev-database.enabled", "false");

        assertThat(ProcessBackendConfiguration.developmentMode(environment)).isFalse();
    }
}
