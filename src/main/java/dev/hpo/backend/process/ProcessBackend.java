package dev.hpo.backend.process;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hpo.backend.ExperimentBackend;
import dev.hpo.backend.LaunchRequest;
import dev.hpo.shared.UnusableInputException;

/**
 * The {@code process} backend: each experiment runs as a child process of the service (see {@link ProcessCommand}
 * for its arguments and environment, {@link ScalarLine} for the stdout lines it may print). {@link #launch} and
 * {@link #abort} return at once; the work happens on the backend's own threads: one per running process reads its
 * output, a scheduler renews leases. Closing the backend (service shutdown) kills every process without ending
 * its experiment: their leases run out and the loop ends them as {@code worker_lost}.
 */
public class ProcessBackend implements ExperimentBackend, AutoCloseable {

    public static final String NAME = "process";

    private static final Logger log = LoggerFactory.getLogger(ProcessBackend.class);

    private final ProcessBackendSettings settings;
    private final boolean enabled;
    private final ProcessEvents events;
    private final Supplier<String> apiUrl;
    private final Supplier<String> apiToken;
    private final String workerId;
    private final Map<UUID, ProcessRun> runs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(daemon("hpo-process-"));
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, daemon("hpo-process-timer-"));
    private volatile boolean closed;

    /**
     * @param enabled whether the operator allowed running commands on this host (see
     *                {@link ProcessBackendSettings#enabledWhen})
     * @param apiUrl  the service's base URL for {@code HPO_API_URL}, asked at each launch (the port is known late)
     */
    public ProcessBackend(ProcessBackendSettings settings, boolean enabled, ProcessEvents events,
                          Supplier<String> apiUrl) {
        this(settings, enabled, events, apiUrl, () -> null);
    }

    /** @param apiToken the worker token handed to scripts as {@code HPO_TOKEN}, asked at each launch */
    public ProcessBackend(ProcessBackendSettings settings, boolean enabled, ProcessEvents events,
                          Supplier<String> apiUrl, Supplier<String> apiToken) {
        this.apiToken = apiToken;
        this.settings = settings;
        this.enabled = enabled;
        this.events = events;
        this.apiUrl = apiUrl;
        this.workerId = "process@" + hostName() + ":" + ProcessHandle.current().pid();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public String howToEnable() {
        return ": it runs commands on the service's host, so the operator must allow it with "
                + "hpo.backend.process.enabled=true (HPO_BACKEND_PROCESS_ENABLED=true)";
    }

    /** The worker id under which this service instance runs its experiments. */
    public String workerId() {
        return workerId;
    }

    /** Every experiment runs the base experiment's argv: without one, each would fail at launch. */
    @Override
    public void validate(List<String> command) {
        if (!ProcessCommand.runnable(command)) {
            throw new UnusableInputException("baseExperiment.command", "the process backend runs the base "
                    + "experiment's command, and this base experiment has " + (command == null ? "none" : "an empty one")
                    + ": register a base experiment with a command (an argv list such as [\"python3\", \"train.py\"]) "
                    + "or choose the queue backend");
        }
    }

    @Override
    public void launch(LaunchRequest request) {
        if (!enabled) {
            throw new IllegalStateException("the process backend is disabled (hpo.backend.process.enabled=false)");
        }
        if (closed) {
            log.warn("Service shutting down: experiment {} is not started", request.experimentId());
            return;
        }
        UUID id = request.experimentId();
        ProcessRun run = new ProcessRun(request, settings, events, executor, scheduler, () -> runs.remove(id));
        if (runs.putIfAbsent(id, run) != null) {
            return; // launched twice: the first launch runs it
        }
        executor.execute(() -> run.start(workerId, apiUrl.get(), apiToken.get()));
    }

    @Override
    public void abort(UUID experimentId) {
        ProcessRun run = runs.get(experimentId);
        if (run != null) {
            log.info("Aborting the process of experiment {}", experimentId);
            run.stop();
        }
    }

    /** The kept output tail of a process that is still running, if it is. */
    public Optional<String> output(UUID experimentId) {
        return Optional.ofNullable(runs.get(experimentId)).map(ProcessRun::output);
    }

    /** Whether this instance was asked to run the experiment and has not finished with it. */
    public boolean handles(UUID experimentId) {
        return runs.containsKey(experimentId);
    }

    /** How many experiments this backend is running or about to start. */
    public int active() {
        return runs.size();
    }

    @Override
    public void close() {
        closed = true;
        if (!runs.isEmpty()) {
            log.info("Shutting down: killing {} experiment process(es); their leases will expire", runs.size());
        }
        runs.values().forEach(ProcessRun::stop);
        long deadline = System.nanoTime() + settings.killGracePeriod().toNanos() + TimeUnit.SECONDS.toNanos(1);
        while (runs.values().stream().anyMatch(ProcessRun::isAlive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        runs.values().forEach(ProcessRun::kill);
        scheduler.shutdownNow();
        executor.shutdownNow();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
