package dev.hpo.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.TestTokens;

/**
 * The Python client's own unittest suites ({@code clients/python/tests}) run against the real service: started
 * here on a fresh database with the loop on, restartable by the suites through {@link RestartableService}'s
 * control URL. A missing {@code python3} fails the test (it is not skipped); so does any failing Python test, with
 * the whole Python output in the failure message.
 */
class PythonClientIT {

    private static final Path CLIENT = Path.of("clients/python").toAbsolutePath();

    @Test
    void thePythonClientsTestSuitesPassAgainstARunningService() throws Exception {
        try (RestartableService service = new RestartableService(
                "hpo.security.admin-token=" + TestTokens.ADMIN,
                "hpo.worker.lease-timeout=3s",
                // the suites start a study with a job-complete callback on 127.0.0.1, refused unless allowed
                "hpo.webhook.allowed-hosts=127.0.0.1",
                "hpo.loop.tick-interval=100ms",
                "hpo.backend.process.enabled=true",
                "hpo.backend.process.kill-grace-period=2s")) {
            Path log = Files.createDirectories(Path.of("target")).resolve("python-client-tests.log");
            ProcessBuilder python = new ProcessBuilder(List.of("python3", "-m", "unittest", "discover",
                    "-s", CLIENT.resolve("tests").toString(), "-v"))
                    .directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = python.environment();
            env.put("HPO_URL", "http://127.0.0.1:" + service.port);
            env.put("HPO_TOKEN", TestTokens.ADMIN);
            env.put("HPO_TEST_CONTROL_URL", service.controlUrl());
            env.put("PYTHONPATH", CLIENT.toString());
            env.put("PYTHONUNBUFFERED", "1");
            env.remove("HPO_API_URL");
            Process process;
            try {
                process = python.start();
            } catch (IOException e) {
                throw new AssertionError("python3 is needed to test clients/python and could not start: " + e, e);
            }
            boolean ended = process.waitFor(10, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(output);
            assertThat(ended).as("the Python suites ended within 10 minutes:\n" + output).isTrue();
            assertThat(process.exitValue()).as("exit code of the Python suites:\n" + output).isZero();
            assertThat(output).as("the suites ran tests").containsPattern("Ran [1-9][0-9]* tests?");
            assertThat(service.restarts()).as("the suites restarted the service at least once").isPositive();
        }
    }
}
