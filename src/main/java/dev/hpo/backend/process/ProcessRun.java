package dev.hpo.backend.process;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hpo.backend.LaunchRequest;

/**
 * One experiment's child process, from launch to exit. {@link #start} runs on a backend thread and stays there
 * reading the output; the exit is handled on another backend thread once the process ends; heartbeats run on the
 * backend's scheduler. Once stopped (abort, or the service answered "stop"), the exit no longer ends the
 * experiment (whoever stopped it already did); only its output is kept.
 */
final class ProcessRun {

    private static final Logger log = LoggerFactory.getLogger(ProcessRun.class);

    /** How long the exit handler waits for the last output lines (and scalars) after the process ended. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    /** Most points reported in one transaction (the worker protocol takes up to 10,000). */
    private static final int MAX_SCALARS_PER_REPORT = 1_000;

    /** Long lines are cut into pieces of this many characters; a scalar line is far shorter. */
    private static final int MAX_LINE_LENGTH = 16 * 1024;

    private final LaunchRequest request;
    private final ProcessBackendSettings settings;
    private final ProcessEvents events;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final Runnable whenEnded;
    private final OutputTail tail;
    private final CountDownLatch drained = new CountDownLatch(1);

    /** Points read but not reported yet; touched by the reading thread only. */
    private final List<ReportedScalar> pending = new ArrayList<>();

    private Process process;
    private boolean stopped;
    private ScheduledFuture<?> heartbeat;

    ProcessRun(LaunchRequest request, ProcessBackendSettings settings, ProcessEvents events, Executor executor,
               ScheduledExecutorService scheduler, Runnable whenEnded) {
        this.request = request;
        this.settings = settings;
        this.events = events;
        this.executor = executor;
        this.scheduler = scheduler;
        this.whenEnded = whenEnded;
        this.tail = new OutputTail(settings.outputLimitChars());
    }

    UUID experimentId() {
        return request.experimentId();
    }

    String output() {
        return tail.text();
    }

    /** Marks the experiment running, starts the process and reads its output until it ends. */
    void start(String workerId, String apiUrl, String apiToken) {
        UUID id = request.experimentId();
        try {
            if (isStopped() || !events.started(id, workerId)) {
                log.info("Experiment {} ended before its process started; not starting it", id);
                whenEnded.run();
                return;
            }
        } catch (RuntimeException e) {
            log.error("Could not mark experiment {} running; its process is not started", id, e);
            whenEnded.run();
            return;
        }
        Process started;
        try {
            ProcessBuilder builder = ProcessCommand.builder(request, apiUrl, apiToken);
            synchronized (this) {
                if (stopped) {
                    whenEnded.run();
                    return;
                }
                process = builder.start();
                started = process;
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException | SecurityException e) {
            whenEnded.run();
            report(() -> events.failed(id, "cannot start " + request.command() + ": " + e.getMessage(), ""));
            return;
        }
        log.info("Experiment {} runs as process {}: {}", id, started.pid(), request.command());
        long interval = settings.heartbeatInterval() == null ? 15_000 : settings.heartbeatInterval().toMillis();
        heartbeat = scheduler.scheduleWithFixedDelay(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
        started.onExit().thenRunAsync(this::exited, executor);
        new LinePump(MAX_LINE_LENGTH).pump(started.getInputStream(), this::line, this::flushScalars);
        flushScalars();
        drained.countDown();
    }

    /** Ends the process tree: SIGTERM now, SIGKILL after the grace period; the exit does not end the experiment. */
    void stop() {
        Process target;
        synchronized (this) {
            stopped = true;
            target = process;
        }
        if (target == null || !target.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = target.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        target.destroy();
        scheduler.schedule(() -> {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            if (target.isAlive()) {
                target.descendants().forEach(ProcessHandle::destroyForcibly);
                target.destroyForcibly();
            }
        }, settings.killGracePeriod().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGKILL for the whole tree at once, for a service that cannot wait any longer. */
    void kill() {
        Process target;
        synchronized (this) {
            stopped = true;
            target = process;
        }
        if (target != null && target.isAlive()) {
            target.descendants().forEach(ProcessHandle::destroyForcibly);
            target.destroyForcibly();
        }
    }

    /** Whether the process was started and has not exited yet. */
    boolean isAlive() {
        Process p;
        synchronized (this) {
            p = process;
        }
        return p != null && p.isAlive();
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    private void line(String line) {
        if (!ScalarLine.isScalarLine(line)) {
            tail.append(line);
            return;
        }
        ReportedScalar scalar;
        try {
            scalar = ScalarLine.parse(line);
        } catch (IllegalArgumentException e) {
            tail.append("[hpo] ignored a malformed scalar line (" + e.getMessage() + "): " + line);
            return;
        }
        pending.add(scalar);
        if (pending.size() >= MAX_SCALARS_PER_REPORT) {
            flushScalars();
        }
    }

    /**
     * Reports the points read so far in one transaction: a script printing points faster than one transaction
     * each is never slowed down by the service, and a point is recorded as soon as the script waits.
     */
    private void flushScalars() {
        if (pending.isEmpty()) {
            return;
        }
        List<ReportedScalar> batch = List.copyOf(pending);
        pending.clear();
        if (isStopped()) {
            return;
        }
        try {
            if (events.scalars(request.experimentId(), batch) == ProcessEvents.Directive.STOP) {
                log.info("Experiment {} was ended by the service; stopping its process", request.experimentId());
                stop();
            }
        } catch (RuntimeException e) {
            log.warn("Scalars of experiment {} not recorded: {}", request.experimentId(), e.getMessage());
            tail.append("[hpo] " + batch.size() + " scalar point(s) not recorded: " + e.getMessage());
        }
    }

    private void heartbeat() {
        if (isStopped() || !isAlive()) {
            return;
        }
        try {
            if (events.heartbeat(request.experimentId()) == ProcessEvents.Directive.STOP) {
                log.info("Experiment {} was ended by the service; stopping its process", request.experimentId());
                stop();
            }
        } catch (RuntimeException e) {
            // the lease runs out if this goes on; the loop then ends the experiment as worker_lost
            log.warn("Heartbeat of experiment {} failed: {}", request.experimentId(), e.getMessage());
        }
    }

    private void exited() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        try {
            if (!drained.await(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                // a grandchild still holds the pipe open; the exit of the process itself is what counts
                log.warn("Output of experiment {} still open after its process exited", request.experimentId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        whenEnded.run();
        int code = process.exitValue();
        UUID id = request.experimentId();
        if (isStopped()) {
            log.info("Process of stopped experiment {} ended with code {}", id, code);
            report(() -> events.stopped(id, tail.text()));
            return;
        }
        if (code == 0) {
            report(() -> events.completed(id, tail.text()));
        } else {
            report(() -> events.failed(id, failureMessage(code), tail.text()));
        }
    }

    /** The service keeps 10,000 characters of a failure message; the end of the output says the most. */
    private static final int MAX_MESSAGE_LENGTH = 8_000;

    String failureMessage(int code) {
        StringBuilder message = new StringBuilder("process exited with code ").append(code);
        if (code > 128 && code < 160) {
            message.append(" (killed by signal ").append(code - 128).append(')');
        }
        List<String> last = tail.lastLines(settings.failureOutputLines());
        if (!last.isEmpty()) {
            String output = String.join("\n", last);
            int room = MAX_MESSAGE_LENGTH - message.length() - 20;
            if (output.length() > room) {
                output = "..." + output.substring(output.length() - room);
            }
            message.append("; last output:\n").append(output);
        }
        return message.toString();
    }

    private void report(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // typically the experiment was ended meanwhile (a limit, a stop): the service's word stands
            log.warn("End of experiment {} not recorded: {}", request.experimentId(), e.getMessage());
        }
    }
}
