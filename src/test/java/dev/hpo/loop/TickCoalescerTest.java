package dev.hpo.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TickCoalescerTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aBurstOfRequestsDuringATickRunsOneMoreTick() throws Exception {
        // given a tick that blocks until released
        UUID study = UUID.randomUUID();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        TickCoalescer coalescer = new TickCoalescer(executor, id -> {
            runs.incrementAndGet();
            started.countDown();
            waitFor(release);
        });
        coalescer.request(study);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        // when a hundred more requests arrive while it runs
        for (int i = 0; i < 100; i++) {
            coalescer.request(study);
        }
        release.countDown();

        // then exactly one more tick runs
        await().atMost(Duration.ofSeconds(5)).until(() -> coalescer.busy() == 0);
        assertThat(runs).hasValue(2);
    }

    @Test
    void ticksOfOneStudyNeverOverlapWhileOtherStudiesRunInParallel() {
        // given ticks that record how many run at once per study
        Map<UUID, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        TickCoalescer coalescer = new TickCoalescer(executor, id -> {
            AtomicInteger count = running.computeIfAbsent(id, k -> new AtomicInteger());
            if (count.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            runs.incrementAndGet();
            sleepBriefly();
            count.decrementAndGet();
        });
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        // when both studies are requested many times from several threads
        for (int i = 0; i < 200; i++) {
            executor.execute(() -> coalescer.request(a));
            executor.execute(() -> coalescer.request(b));
        }

        // then no tick of a study overlapped another of the same study, and far fewer ticks ran than were asked
        await().atMost(Duration.ofSeconds(10)).until(() -> coalescer.busy() == 0);
        assertThat(overlaps).hasValue(0);
        assertThat(runs.get()).isBetween(2, 200);
    }

    @Test
    void aRequestAfterATickEndedRunsAgain() {
        AtomicInteger runs = new AtomicInteger();
        TickCoalescer coalescer = new TickCoalescer(executor, id -> runs.incrementAndGet());
        UUID study = UUID.randomUUID();

        coalescer.request(study);
        await().atMost(Duration.ofSeconds(5)).until(() -> coalescer.busy() == 0);
        coalescer.request(study);

        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2 && coalescer.busy() == 0);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepBriefly() {
        // a tick that takes a moment, so requests pile up while it runs
        long end = System.nanoTime() + 200_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
