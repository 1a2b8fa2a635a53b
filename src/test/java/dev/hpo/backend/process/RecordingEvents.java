package dev.hpo.backend.process;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Stands in for the experiment service: records what the backend reported and answers as told. */
class RecordingEvents implements ProcessEvents {

    record Ending(boolean completed, String message, String outputTail) {
    }

    final Map<UUID, String> started = new ConcurrentHashMap<>();
    final List<ReportedScalar> scalars = new CopyOnWriteArrayList<>();
    final Map<UUID, Ending> endings = new ConcurrentHashMap<>();
    final Map<UUID, String> stoppedOutputs = new ConcurrentHashMap<>();
    final AtomicInteger heartbeats = new AtomicInteger();
    final AtomicInteger reports = new AtomicInteger();
    volatile boolean refuseStart;
    volatile Directive heartbeatAnswer = Directive.CONTINUE;
    volatile Directive scalarAnswer = Directive.CONTINUE;

    @Override
    public boolean started(UUID experimentId, String workerId) {
        if (refuseStart) {
            return false;
        }
        started.put(experimentId, workerId);
        return true;
    }

    @Override
    public Directive heartbeat(UUID experimentId) {
        heartbeats.incrementAndGet();
        return heartbeatAnswer;
    }

    @Override
    public Directive scalars(UUID experimentId, List<ReportedScalar> points) {
        scalars.addAll(points);
        reports.incrementAndGet();
        return scalarAnswer;
    }

    @Override
    public void completed(UUID experimentId, String outputTail) {
        endings.put(experimentId, new Ending(true, null, outputTail));
    }

    @Override
    public void stopped(UUID experimentId, String outputTail) {
        stoppedOutputs.put(experimentId, outputTail);
    }

    @Override
    public void failed(UUID experimentId, String message, String outputTail) {
        endings.put(experimentId, new Ending(false, message, outputTail));
    }
}
