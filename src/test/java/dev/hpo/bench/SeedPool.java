package dev.hpo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs one task per seed on at most two threads (the machine has two cores, shared) and keeps seed order. */
final class SeedPool implements AutoCloseable {

    private final ExecutorService executor;

    SeedPool(int threads) {
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bench-seed");
            thread.setDaemon(true);
            return thread;
        });
    }

    <T> List<T> forSeeds(int seeds, IntFunction<T> task) {
        List<Future<T>> futures = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            int s = seed;
            futures.add(executor.submit(() -> task.apply(s)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("benchmark interrupted", e);
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw new IllegalStateException(e.getCause().toString(), e.getCause());
            }
        }
        return results;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
