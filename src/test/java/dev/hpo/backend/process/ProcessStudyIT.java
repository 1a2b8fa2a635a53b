package dev.hpo.backend.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

/** Process-backend studies end to end: real HTTP, a real database, real child processes. */
class ProcessStudyIT {

    private static final Path TRAIN = Path.of("examples/train.py").toAbsolutePath();

    private static TestApp app;
    private static JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeAll
    static void startService() {
        app = TestApp.start(TestDatabase.newDatabase(), "hpo.backend.process.enabled=true",
                "hpo.backend.process.kill-grace-period=2s", "hpo.backend.process.recovery-interval=1s");
        jdbc = app.jdbc();
    }

    @AfterAll
    static void stopService() {
        app.close();
    }

    @Test
    void runsTheExampleScriptAsChildProcessesAndRanksTheirResults() {
        // given the example script as base experiment and a random study over two parameters
        String base = createBase(List.of("python3", TRAIN.toString()), Map.of("HPO_EXAMPLE_SLEEP", "0"));
        String study = createStudy(base, 3, 6);

        // when it runs to its end
        app.http.start(study, null);
        JsonNode waited = app.http.get("/api/v1/studies/" + study + "/wait?timeoutMinutes=0.45").requireOk().json();

        // then every trial completed with its scalars, and the top 3 are ranked by their last validation loss
        assertThat(waited.get("finished").asBoolean()).isTrue();
        assertThat(waited.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForList("SELECT status FROM experiment WHERE study_id = ?::uuid", String.class, study))
                .hasSize(6).containsOnly("COMPLETED");
        assertThat(jdbc.queryForList("SELECT count FROM metric_summary WHERE study_id = ?::uuid", Integer.class, study))
                .hasSize(6).containsOnly(5);
        JsonNode top = app.http.get("/api/v1/studies/" + study + "/top-experiments?topK=3").requireOk().json();
        assertThat(top).hasSize(3);
        List<Double> values = new ArrayList<>();
        top.forEach(e -> values.add(e.get("objectiveValues").get(0).asDouble()));
        assertThat(values).isSorted();
        assertThat(top.get(0).get("iteration").asLong()).isEqualTo(4);
        String output = text("/experiments/" + top.get(0).get("id").asString() + "/output");
        assertThat(output).startsWith("parameters: ").contains("epoch 4: validation loss")
                .contains("final validation loss").doesNotContain("hpo:scalar");
    }

    @Test
    void aFailingCommandFailsItsExperimentWithTheExitCodeAndLastOutput() throws IOException {
        // given a script that fails
        Path script = Files.writeString(dir.resolve("fail.py"), """
                import sys
                print("loading data")
                print("ValueError: no such dataset", file=sys.stderr)
                sys.exit(3)
                """);
        String base = createBase(List.of("python3", script.toString()), Map.of());
        String study = createStudy(base, 1, 1);

        // when the study runs
        app.http.start(study, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> ended(study));

        // then its one experiment failed, saying why
        Map<String, Object> experiment = jdbc.queryForMap(
                "SELECT status, failure_message, output_tail FROM experiment WHERE study_id = ?::uuid", study);
        assertThat(experiment.get("status")).isEqualTo("FAILED");
        assertThat((String) experiment.get("failure_message")).startsWith("process exited with code 3")
                .endsWith("loading data\nValueError: no such dataset");
        assertThat(experiment.get("output_tail")).isEqualTo("loading data\nValueError: no such dataset");
    }

    @Test
    void aMissingExecutableFailsItsExperimentClearly() {
        String base = createBase(List.of(dir.resolve("no-such-trainer").toString()), Map.of());
        String study = createStudy(base, 1, 1);

        app.http.start(study, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> ended(study));

        assertThat(jdbc.queryForObject("SELECT failure_message FROM experiment WHERE study_id = ?::uuid",
                String.class, study)).startsWith("cannot start [" + dir.resolve("no-such-trainer")).contains("No such file");
    }

    @Test
    void stoppingTheStudyKillsItsRunningProcesses() throws IOException {
        // given a study whose two experiments sleep for a minute, each writing its pid first
        Path script = Files.writeString(dir.resolve("sleep.py"), """
                import os, time
                path = os.path.join(os.environ["PIDS"], os.environ["HPO_EXPERIMENT_ID"])
                with open(path + ".tmp", "w") as f:
                    f.write(str(os.getpid()))
                os.rename(path + ".tmp", path)
                time.sleep(60)
                """);
        Path pids = Files.createDirectories(dir.resolve("pids"));
        String base = createBase(List.of("python3", script.toString()), Map.of("PIDS", pids.toString()));
        String study = createStudy(base, 2, 2);
        app.http.start(study, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> fileCount(pids) == 2);
        List<ProcessHandle> processes = new ArrayList<>();
        try (var files = Files.list(pids)) {
            for (Path file : files.toList()) {
                ProcessHandle.of(Long.parseLong(Files.readString(file).strip())).ifPresent(processes::add);
            }
        }

        // when the study is stopped
        app.http.post("/api/v1/studies/" + study + "/stop", Map.of()).requireOk();

        // then the processes die and their experiments end aborted
        await().atMost(Duration.ofSeconds(60)).until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
        await().atMost(Duration.ofSeconds(60)).until(() -> ended(study));
        assertThat(jdbc.queryForList("SELECT status FROM experiment WHERE study_id = ?::uuid", String.class, study))
                .containsExactly("ABORTED", "ABORTED");
        assertThat(jdbc.queryForObject("SELECT status FROM study WHERE id = ?::uuid", String.class, study))
                .isEqualTo("STOPPED");
    }

    @Test
    void abortingOneExperimentKillsItsProcessAndRefillsTheSlot() throws IOException {
        // given a one-slot study whose experiment sleeps for a minute, writing its pid first
        Path script = Files.writeString(dir.resolve("sleep-one.py"), """
                import os, time
                path = os.path.join(os.environ["PIDS"], os.environ["HPO_EXPERIMENT_ID"])
                with open(path + ".tmp", "w") as f:
                    f.write(str(os.getpid()))
                os.rename(path + ".tmp", path)
                time.sleep(60)
                """);
        Path pids = Files.createDirectories(dir.resolve("pids-abort"));
        String base = createBase(List.of("python3", script.toString()), Map.of("PIDS", pids.toString()));
        String study = createStudy(base, 1, 2);
        app.http.start(study, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> fileCount(pids) == 1);
        Path file;
        try (var files = Files.list(pids)) {
            file = files.toList().get(0);
        }
        String experiment = file.getFileName().toString();
        ProcessHandle process = ProcessHandle.of(Long.parseLong(Files.readString(file).strip())).orElseThrow();

        // when the user aborts that experiment
        JsonNode aborted = app.http.post("/api/v1/experiments/" + experiment + "/abort", null).requireOk().json();

        // then its process dies, it stays ABORTED by the user, and the next experiment runs in its slot
        assertThat(aborted.get("stopReason").asString()).isEqualTo("stopped_by_user");
        await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
        await().atMost(Duration.ofSeconds(60)).until(() -> fileCount(pids) == 2);
        assertThat(jdbc.queryForObject("SELECT status || '/' || stop_reason FROM experiment WHERE id = ?::uuid",
                String.class, experiment)).isEqualTo("ABORTED/stopped_by_user");
        app.http.post("/api/v1/studies/" + study + "/stop", Map.of()).requireOk();
        await().atMost(Duration.ofSeconds(60)).until(() -> ended(study));
    }

    @Test
    void startsAnExperimentWhoseLaunchWasLost() {
        // given a running study with a QUEUED experiment nobody launched, as when the service stopped right after
        // the transaction that created it; its script reports over HTTP to HPO_API_URL this time
        String base = createBase(List.of("python3", TRAIN.toString()),
                Map.of("HPO_EXAMPLE_SLEEP", "0", "HPO_REPORT", "http"));
        String study = createStudy(base, 1, 1);
        UUID experiment = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO experiment (id, study_id, number, name, project, parameters, status, archived,
                                        created_at, completion_notified, version)
                VALUES (?, ?::uuid, 0, 'forgotten', 'process-it', '{"General/lr": 0.05, "General/momentum": 0.9}',
                        'QUEUED', false, now() - interval '1 minute', false, 0)
                """, experiment, study);
        jdbc.update("UPDATE study SET status = 'RUNNING', started_at = now(), experiments_created = 1 WHERE id = ?::uuid",
                study);

        // when the backend looks for forgotten experiments, then it runs it and the study ends
        await().atMost(Duration.ofSeconds(60)).until(() -> ended(study));
        Map<String, Object> row = jdbc.queryForMap("SELECT status, worker_id FROM experiment WHERE id = ?", experiment);
        assertThat(row.get("status")).isEqualTo("COMPLETED");
        assertThat((String) row.get("worker_id")).startsWith("process@");
        assertThat(jdbc.queryForObject("SELECT count FROM metric_summary WHERE experiment_id = ?", Integer.class,
                experiment)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT output_tail FROM experiment WHERE id = ?", String.class, experiment))
                .doesNotContain("hpo:scalar").contains("final validation loss");
    }

    @Test
    void theAgentRunsAQueueStudyWithTheSameScript() throws Exception {
        // given a queue study and two hpo-agents running train.py, one of them slower
        String base = createBase(null, Map.of());
        Map<String, Object> definition = studyDefinition(base, 2, 6);
        definition.put("backend", "queue");
        definition.put("executionQueue", "examples");
        String study = app.http.createStudy(definition);
        app.http.start(study, null);
        List<String> agent = List.of("python3", "-m", "hpo_client.agent", "--api", "http://localhost:" + app.port,
                "--queue", "examples", "--exit-when-idle", "5", "--", "python3", TRAIN.toString());
        ProcessBuilder fast = new ProcessBuilder(agent).redirectErrorStream(true)
                .redirectOutput(dir.resolve("first.log").toFile());
        ProcessBuilder slow = new ProcessBuilder(agent).redirectErrorStream(true)
                .redirectOutput(dir.resolve("second.log").toFile());
        for (ProcessBuilder builder : List.of(fast, slow)) {
            builder.environment().put("PYTHONPATH", Path.of("clients/python").toAbsolutePath().toString());
            builder.environment().put("HPO_TOKEN", dev.hpo.testsupport.TestTokens.ADMIN);
        }
        slow.environment().put("HPO_EXAMPLE_SLEEP", "0.2");
        Process first = fast.start();
        Process second = slow.start();

        // when they work the queue empty, then the study completed with every trial reported
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> ended(study));
            assertThat(first.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(second.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly();
            second.destroyForcibly();
        }
        assertThat(first.exitValue()).as(Files.readString(dir.resolve("first.log"))).isZero();
        assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();
        assertThat(jdbc.queryForList("SELECT status FROM experiment WHERE study_id = ?::uuid", String.class, study))
                .hasSize(6).containsOnly("COMPLETED");
        assertThat(jdbc.queryForList("SELECT count FROM metric_summary WHERE study_id = ?::uuid", Integer.class, study))
                .hasSize(6).containsOnly(5);
    }

    private static String createBase(List<String> command, Map<String, String> environment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "train");
        body.put("project", "process-it");
        body.put("parameters", Map.of("General/lr", 0.1, "General/momentum", 0.5, "General/epochs", 5));
        if (command != null) {
            body.put("command", command);
            body.put("environment", environment);
        }
        return app.http.post("/api/v1/base-experiments", body).requireOk().json().get("id").asString();
    }

    private static String createStudy(String base, int concurrency, int jobs) {
        return app.http.createStudy(studyDefinition(base, concurrency, jobs));
    }

    private static Map<String, Object> studyDefinition(String base, int concurrency, int jobs) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", "process-study");
        definition.put("baseExperimentId", base);
        definition.put("parameters", List.of(
                Map.of("type", "log_uniform", "name", "General/lr", "min", -3, "max", -0.5),
                Map.of("type", "uniform", "name", "General/momentum", "min", 0.0, "max", 0.99)));
        definition.put("objectives", List.of(Map.of("title", "validation", "series", "loss", "sign", "min")));
        definition.put("strategy", Map.of("name", "random", "seed", 42, "settings", Map.of()));
        definition.put("backend", "process");
        definition.put("maxConcurrentExperiments", concurrency);
        definition.put("totalMaxJobs", jobs);
        return definition;
    }

    private static boolean ended(String study) {
        String status = jdbc.queryForObject("SELECT status FROM study WHERE id = ?::uuid", String.class, study);
        return List.of("COMPLETED", "STOPPED", "FAILED").contains(status);
    }

    private static long fileCount(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> !f.toString().endsWith(".tmp")).count();
        }
    }

    private static String text(String path) {
        Http.Answer answer = app.http.get("/api/v1" + path);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }
}
