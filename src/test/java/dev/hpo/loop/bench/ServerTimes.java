package dev.hpo.loop.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The service's own timers at one moment: a study tick ({@code hpo.loop.tick}) and the worker calls
 * ({@code http.server.requests} of the lease, scalars and complete URIs), so that a benchmark phase can say how much
 * of a refill is spent in which part (the rest is the client, the network stack and the hand-overs between threads).
 */
record ServerTimes(Map<String, double[]> countAndNanos) {

    private static final Map<String, String> REQUESTS = Map.of(
            "lease", "/api/v1/queues/{queue}/lease",
            "scalars", "/api/v1/experiments/{id}/scalars",
            "complete", "/api/v1/experiments/{id}/complete");

    static ServerTimes of(MeterRegistry meters) {
        Map<String, double[]> times = new LinkedHashMap<>();
        times.put("tick", sample(meters.find("hpo.loop.tick").timers()));
        for (String part : new String[] {"lease", "scalars", "complete"}) {
            times.put(part, sample(meters.find("http.server.requests").tag("uri", REQUESTS.get(part)).timers()));
        }
        return new ServerTimes(times);
    }

    private static double[] sample(Iterable<Timer> timers) {
        double count = 0;
        double nanos = 0;
        for (Timer timer : timers) {
            count += timer.count();
            nanos += timer.totalTime(TimeUnit.NANOSECONDS);
        }
        return new double[] {count, nanos};
    }

    /** Mean milliseconds per call of each part between {@code earlier} and now, with the number of calls. */
    String since(ServerTimes earlier) {
        StringJoiner out = new StringJoiner(", ");
        countAndNanos.forEach((part, now) -> {
            double[] then = earlier.countAndNanos.get(part);
            double calls = now[0] - then[0];
            out.add(String.format(Locale.ROOT, "%s %.2f ms (%d calls)", part,
                    calls == 0 ? 0 : (now[1] - then[1]) / calls / 1e6, (long) calls));
        });
        return out.toString();
    }
}
