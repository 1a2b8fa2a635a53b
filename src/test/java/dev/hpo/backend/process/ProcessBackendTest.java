package dev.hpo.backend.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import dev.hpo.backend.LaunchRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The process backend with real child processes (python3 and sh scripts in a temporary folder). */
class ProcessBackendTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final RecordingEvents events = new RecordingEvents();
    private final ProcessBackendSettings settings = new ProcessBackendSettings(true, DataSize.ofKilobytes(4), 3,
            Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofSeconds(30), null);
    private final ProcessBackend backend = new ProcessBackend(settings, true, events, () -> "http://127.0.0.1:9999");

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Test
    void passesParametersAsArgumentsAndAsJsonInTheEnvironment() throws IOException {
        Path script = script("echo.py", """
                import json, os, sys
                names = ["HPO_PARAMETERS", "HPO_EXPERIMENT_ID", "HPO_STUDY_ID", "HPO_API_URL", "HPO_MAX_ITERATION", "EXTRA"]
                print(json.dumps({"argv": sys.argv[1:], "env": {n: os.environ.get(n) for n in names}, "cwd": os.getcwd()}))
                """);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("General/lr", 0.1);
        parameters.put("General/network", "ResNet 50");
        parameters.put("General/epochs", 7);
        LaunchRequest request = request(List.of("python3", script.toString()), parameters, Map.of("EXTRA", "x"), 7L);

        backend.launch(request);

        RecordingEvents.Ending ending = awaitEnding(request);
        assertThat(ending.completed()).isTrue();
        JsonNode seen = JsonMapper.shared().readTree(ending.outputTail());
        assertThat(seen.get("argv").values().stream().map(JsonNode::stringValue))
                .containsExactly("--General/epochs=7", "--General/lr=0.1", "--General/network=ResNet 50");
        JsonNode env = seen.get("env");
        JsonNode passed = JsonMapper.shared().readTree(env.get("HPO_PARAMETERS").stringValue());
        assertThat(passed.get("General/lr").doubleValue()).isEqualTo(0.1);
        assertThat(passed.get("General/network").stringValue()).isEqualTo("ResNet 50");
        assertThat(env.get("HPO_EXPERIMENT_ID").stringValue()).isEqualTo(request.experimentId().toString());
        assertThat(env.get("HPO_STUDY_ID").stringValue()).isEqualTo(request.studyId().toString());
        assertThat(env.get("HPO_API_URL").stringValue()).isEqualTo("http://127.0.0.1:9999");
        assertThat(env.get("HPO_MAX_ITERATION").stringValue()).isEqualTo("7");
        assertThat(env.get("EXTRA").stringValue()).isEqualTo("x");
        assertThat(Path.of(seen.get("cwd").stringValue())).isEqualTo(dir.toRealPath());
        assertThat(events.started).containsEntry(request.experimentId(), backend.workerId());
    }

    @Test
    void recordsScalarLinesAndKeepsTheOtherLinesAsOutput() throws IOException {
        Path script = script("train.py", """
                import json
                print("starting")
                for i in range(3):
                    print("hpo:scalar " + json.dumps({"title": "validation", "series": "loss", "iteration": i, "value": 1.0 / (i + 1)}))
                print("hpo:scalar {broken")
                print("done")
                """);
        LaunchRequest request = request(List.of("python3", script.toString()), Map.of(), Map.of(), null);

        backend.launch(request);

        RecordingEvents.Ending ending = awaitEnding(request);
        assertThat(ending.completed()).isTrue();
        assertThat(events.scalars).containsExactly(
                new ReportedScalar("validation", "loss", 0, 1.0),
                new ReportedScalar("validation", "loss", 1, 0.5),
                new ReportedScalar("validation", "loss", 2, 1.0 / 3));
        assertThat(ending.outputTail()).startsWith("starting\n").endsWith("\ndone")
                .contains("[hpo] ignored a malformed scalar line").doesNotContain("\"iteration\": 1");
    }

    @Test
    void reportsPointsPrintedInABurstTogetherAndInOrder() throws IOException {
        Path script = script("burst.py", """
                import json, sys
                sys.stdout.write("".join("hpo:scalar " + json.dumps({"title": "train", "series": "loss", "iteration": i, "value": i}) + "\\n" for i in range(5000)))
                """);
        LaunchRequest request = request(List.of("python3", script.toString()), Map.of(), Map.of(), null);

        backend.launch(request);

        assertThat(awaitEnding(request).completed()).isTrue();
        assertThat(events.scalars).hasSize(5000);
        assertThat(events.scalars.stream().mapToLong(ReportedScalar::iteration)).isSorted();
        assertThat(events.reports.get()).isLessThan(5000);
    }

    @Test
    void failsWithTheExitCodeAndTheLastOutputLines() throws IOException {
        Path script = script("fail.sh", """
                echo one
                echo two
                echo three
                echo "Traceback: boom" >&2
                exit 3
                """);
        LaunchRequest request = request(List.of("sh", script.toString()), Map.of("x", 1), Map.of(), null);

        backend.launch(request);

        RecordingEvents.Ending ending = awaitEnding(request);
        assertThat(ending.completed()).isFalse();
        assertThat(ending.message()).startsWith("process exited with code 3; last output:")
                .contains("two\nthree\nTraceback: boom").doesNotContain("one");
        assertThat(ending.outputTail()).isEqualTo("one\ntwo\nthree\nTraceback: boom");
    }

    @Test
    void abortKillsTheProcessTreeKeepingItsOutputButReportingNoEnd() throws IOException {
        Path pids = dir.resolve("pids");
        Path script = script("sleep.sh", """
                echo sleeping
                sleep 60 &
                echo "$$ $!" > "%s"
                wait
                """.formatted(pids));
        LaunchRequest request = request(List.of("sh", script.toString()), Map.of(), Map.of(), null);
        backend.launch(request);
        await().atMost(PATIENCE).until(() -> Files.exists(pids) && Files.readString(pids).strip().contains(" "));
        List<ProcessHandle> tree = List.of(Files.readString(pids).strip().split(" ")).stream()
                .map(pid -> ProcessHandle.of(Long.parseLong(pid)).orElseThrow()).toList();

        backend.abort(request.experimentId());

        await().atMost(PATIENCE).until(() -> tree.stream().noneMatch(ProcessHandle::isAlive) && backend.active() == 0);
        await().atMost(PATIENCE).until(() -> events.stoppedOutputs.containsKey(request.experimentId()));
        assertThat(events.stoppedOutputs.get(request.experimentId())).isEqualTo("sleeping");
        assertThat(events.endings).isEmpty();
    }

    @Test
    void stopAnswerToAScalarKillsTheProcess() throws IOException {
        Path script = script("report-then-sleep.py", """
                import time
                print("hpo:scalar {\\"title\\": \\"v\\", \\"series\\": \\"loss\\", \\"iteration\\": 0, \\"value\\": 1}", flush=True)
                time.sleep(60)
                """);
        events.scalarAnswer = ProcessEvents.Directive.STOP;
        LaunchRequest request = request(List.of("python3", script.toString()), Map.of(), Map.of(), null);

        backend.launch(request);

        await().atMost(PATIENCE).until(() -> events.scalars.size() == 1 && backend.active() == 0);
        assertThat(events.endings).isEmpty();
    }

    @Test
    void stopAnswerToAHeartbeatKillsTheProcess() throws IOException {
        Path script = script("wait.sh", "sleep 60\n");
        events.heartbeatAnswer = ProcessEvents.Directive.STOP;
        LaunchRequest request = request(List.of("sh", script.toString()), Map.of(), Map.of(), null);

        backend.launch(request);

        await().atMost(PATIENCE).until(() -> events.heartbeats.get() >= 1 && backend.active() == 0);
        assertThat(events.endings).isEmpty();
    }

    @Test
    void keepsTheOutputBoundedForAScriptPrintingMegabytes() throws IOException {
        Path script = script("loud.py", """
                import sys
                line = "x" * 999
                for i in range(5000):
                    print(line)
                sys.stdout.write("y" * 1000000)
                print()
                print("the end")
                """);
        LaunchRequest request = request(List.of("python3", script.toString()), Map.of(), Map.of(), null);

        backend.launch(request);

        RecordingEvents.Ending ending = awaitEnding(request);
        assertThat(ending.completed()).isTrue();
        assertThat(ending.outputTail().length()).isLessThanOrEqualTo(4 * 1024 + 1);
        assertThat(ending.outputTail()).endsWith("yyyy\nthe end");
    }

    @Test
    void aMissingExecutableFailsTheExperimentWithAClearMessage() {
        LaunchRequest request = request(List.of(dir.resolve("no-such-program").toString()), Map.of(), Map.of(), null);

        backend.launch(request);

        RecordingEvents.Ending ending = awaitEnding(request);
        assertThat(ending.completed()).isFalse();
        assertThat(ending.message()).startsWith("cannot start [" + dir.resolve("no-such-program"))
                .contains("No such file");
        assertThat(backend.active()).isZero();
    }

    @Test
    void anEmptyCommandFailsTheExperiment() {
        LaunchRequest request = request(List.of(), Map.of(), Map.of(), null);

        backend.launch(request);

        assertThat(awaitEnding(request).message()).contains("the base experiment has no command");
    }

    @Test
    void renewsTheLeaseWhileTheProcessLives() throws IOException {
        Path script = script("wait.sh", "sleep 60\n");
        LaunchRequest request = request(List.of("sh", script.toString()), Map.of(), Map.of(), null);

        backend.launch(request);

        await().atMost(PATIENCE).until(() -> events.heartbeats.get() >= 3);
        backend.abort(request.experimentId());
        await().atMost(PATIENCE).until(() -> backend.active() == 0);
    }

    @Test
    void doesNotStartAnExperimentThatEndedBeforeItsTurn() throws IOException {
        Path marker = dir.resolve("ran");
        Path script = script("touch.sh", "touch \"%s\"\n".formatted(marker));
        events.refuseStart = true;
        LaunchRequest request = request(List.of("sh", script.toString()), Map.of(), Map.of(), null);

        backend.launch(request);

        await().atMost(PATIENCE).until(() -> backend.active() == 0);
        assertThat(marker).doesNotExist();
        assertThat(events.endings).isEmpty();
    }

    @Test
    void refusesToLaunchWhenDisabled() {
        ProcessBackend disabled = new ProcessBackend(settings, false, events, () -> null);

        assertThat(disabled.enabled()).isFalse();
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> disabled.launch(request(List.of("true"), Map.of(), Map.of(), null)))
                .withMessageContaining("hpo.backend.process.enabled");
        disabled.close();
    }

    private RecordingEvents.Ending awaitEnding(LaunchRequest request) {
        return await().atMost(PATIENCE).until(() -> events.endings.get(request.experimentId()), e -> e != null);
    }

    private LaunchRequest request(List<String> command, Map<String, Object> parameters, Map<String, String> env,
                                  Long maxIteration) {
        return new LaunchRequest(UUID.randomUUID(), UUID.randomUUID(), "trial", command, dir.toString(), env,
                parameters, maxIteration);
    }

    private Path script(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
