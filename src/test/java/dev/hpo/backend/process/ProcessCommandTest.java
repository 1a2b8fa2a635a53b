package dev.hpo.backend.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.hpo.backend.LaunchRequest;

class ProcessCommandTest {

    @Test
    void appendsParametersInNameOrderWithSlashesKept() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("General/lr", 0.1);
        parameters.put("General/batch_size", 32);
        parameters.put("Args/augment", true);
        parameters.put("General/network", "ResNet50");

        assertThat(ProcessCommand.argv(List.of("python3", "train.py"), parameters)).containsExactly(
                "python3", "train.py", "--Args/augment=true", "--General/batch_size=32", "--General/lr=0.1",
                "--General/network=ResNet50");
    }

    @Test
    void passesStringsRawAndEverythingElseAsJson() {
        assertThat(ProcessCommand.argumentValue("a b \"c\"")).isEqualTo("a b \"c\"");
        assertThat(ProcessCommand.argumentValue(1.0e-5)).isEqualTo("1.0E-5");
        assertThat(ProcessCommand.argumentValue(3L)).isEqualTo("3");
        assertThat(ProcessCommand.argumentValue(false)).isEqualTo("false");
        assertThat(ProcessCommand.argumentValue(null)).isEqualTo("null");
        assertThat(ProcessCommand.argumentValue(List.of(1, 2))).isEqualTo("[1,2]");
    }

    @Test
    void experimentVariablesWinOverTheBaseExperimentsEnvironment() {
        UUID id = UUID.randomUUID();
        LaunchRequest request = new LaunchRequest(id, UUID.randomUUID(), "t", List.of("true"), null,
                Map.of("HPO_EXPERIMENT_ID", "spoofed", "DATABASE_PASSWORD", "given on purpose"), Map.of(), null);

        Map<String, String> environment = ProcessCommand.builder(request, null).environment();

        assertThat(environment).containsEntry("HPO_EXPERIMENT_ID", id.toString())
                .containsEntry("HPO_PARAMETERS", "{}")
                .containsEntry("DATABASE_PASSWORD", "given on purpose")
                .doesNotContainKeys("HPO_API_URL", "HPO_MAX_ITERATION");
    }

    @Test
    void scriptsGetTheServiceWorkerTokenAndNoSpoofedOne() {
        LaunchRequest request = new LaunchRequest(UUID.randomUUID(), UUID.randomUUID(), "t", List.of("true"), null,
                Map.of("HPO_TOKEN", "spoofed"), Map.of(), null);

        assertThat(ProcessCommand.builder(request, "http://127.0.0.1:1", "hpo_secret").environment())
                .containsEntry("HPO_TOKEN", "hpo_secret");
        assertThat(ProcessCommand.builder(request, null, null).environment()).doesNotContainKey("HPO_TOKEN");
    }

    @Test
    void pythonRunsUnbufferedUnlessTheBaseExperimentSaysOtherwise() {
        LaunchRequest plain = new LaunchRequest(UUID.randomUUID(), UUID.randomUUID(), "t", List.of("true"), null,
                Map.of(), Map.of(), null);
        LaunchRequest buffered = new LaunchRequest(UUID.randomUUID(), UUID.randomUUID(), "t", List.of("true"), null,
                Map.of("PYTHONUNBUFFERED", ""), Map.of(), null);

        assertThat(ProcessCommand.builder(plain, null).environment()).containsEntry("PYTHONUNBUFFERED", "1");
        assertThat(ProcessCommand.builder(buffered, null).environment()).containsEntry("PYTHONUNBUFFERED", "");
    }

    @Test
    void rejectsARequestWithoutCommand() {
        LaunchRequest request = new LaunchRequest(UUID.randomUUID(), UUID.randomUUID(), "t", null, null, null,
                Map.of(), null);

        assertThatIllegalArgumentException().isThrownBy(() -> ProcessCommand.builder(request, null))
                .withMessageContaining("no command");
    }
}
