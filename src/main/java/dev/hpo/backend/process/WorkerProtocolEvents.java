package dev.hpo.backend.process;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hpo.experiment.ExperimentId;
import dev.hpo.experiment.ScalarPoint;
import dev.hpo.queue.WorkerProtocol;

/**
 * Reports child processes through the worker protocol, exactly as an HTTP worker would: start, heartbeat,
 * scalars, complete, fail. Heartbeats name no worker ({@code null}: in-process backends may renew any lease of
 * theirs). The output tail is stored before the end is recorded, so whoever sees the end sees the output.
 */
@Component
class WorkerProtocolEvents implements ProcessEvents {

    private final WorkerProtocol protocol;
    private final ProcessOutputStore outputs;

    WorkerProtocolEvents(WorkerProtocol protocol, ProcessOutputStore outputs) {
        this.protocol = protocol;
        this.outputs = outputs;
    }

    @Override
    public boolean started(UUID experimentId, String workerId) {
        return protocol.start(new ExperimentId(experimentId), workerId);
    }

    @Override
    public Directive heartbeat(UUID experimentId) {
        return protocol.heartbeat(new ExperimentId(experimentId), null).stop() ? Directive.STOP : Directive.CONTINUE;
    }

    @Override
    public Directive scalars(UUID experimentId, List<ReportedScalar> scalars) {
        List<ScalarPoint> points = scalars.stream()
                .map(s -> new ScalarPoint(s.title(), s.series(), s.iteration(), s.value())).toList();
        return protocol.reportScalars(new ExperimentId(experimentId), points).stop()
                ? Directive.STOP : Directive.CONTINUE;
    }

    @Override
    public void completed(UUID experimentId, String outputTail) {
        outputs.save(experimentId, outputTail);
        protocol.complete(new ExperimentId(experimentId));
    }

    @Override
    public void stopped(UUID experimentId, String outputTail) {
        outputs.save(experimentId, outputTail);
    }

    @Override
    public void failed(UUID experimentId, String message, String outputTail) {
        outputs.save(experimentId, outputTail);
        protocol.fail(new ExperimentId(experimentId), message);
    }
}
