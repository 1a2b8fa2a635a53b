package dev.hpo.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.hpo.testsupport.TestApp;
import dev.hpo.testsupport.Http;
import dev.hpo.testsupport.TestDatabase;

/**
 * A lease waiting in a long poll when the service stops answers 204 at once, so the graceful shutdown (which waits
 * for open requests) is not held up by idle workers, and nothing is leased for a request that is gone.
 */
class LeaseLongPollShutdownIT {

    @Test
    void aWaitingLeaseAnswersNoContentWhenTheServiceStops() throws Exception {
        TestApp app = TestApp.start(TestDatabase.newDatabase());
        QueueWaiters waiters = app.bean(QueueWaiters.class);
        Http http = app.http;
        CompletableFuture<Object> lease = CompletableFuture.supplyAsync(() -> {
            Object leased = http.lease("idle-queue", "w1", 50);
            return leased == null ? "no content" : leased;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (waiters.waiting() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(waiters.waiting()).isEqualTo(1);

        long closing = System.nanoTime();
        app.close();

        assertThat(lease.get(10, TimeUnit.SECONDS)).isEqualTo("no content");
        // far below the 50 s the lease would otherwise have waited, and below the 30 s a graceful shutdown allows
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - closing)).isLessThan(25);
    }
}
