package dev.hpo.loop;

import java.util.concurrent.TimeUnit;

import dev.hpo.strategy.SearchStrategy;
import dev.hpo.strategy.StrategyContext;
import dev.hpo.strategy.Suggestion;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A study's strategy with each suggestion timed ({@code hpo.strategy.suggest}, tag {@code strategy}), so the
 * strategy's own cost can be told apart from the loop's (the loop benchmark's {@code tpe} phase reads it). Only
 * measures: the suggestion is the strategy's, unchanged.
 */
final class TimedStrategy implements SearchStrategy {

    private final SearchStrategy strategy;
    private final Timer timer;

    private TimedStrategy(SearchStrategy strategy, Timer timer) {
        this.strategy = strategy;
        this.timer = timer;
    }

    /** {@code strategy} timed in {@code registry}, or itself when there is no registry. */
    static SearchStrategy of(SearchStrategy strategy, String name, MeterRegistry registry) {
        if (registry == null) {
            return strategy;
        }
        return new TimedStrategy(strategy, Timer.builder("hpo.strategy.suggest")
                .description("Time a study's strategy takes for one suggestion")
                .tag("strategy", name)
                .register(registry));
    }

    @Override
    public Suggestion suggest(StrategyContext context) {
        long started = System.nanoTime();
        try {
            return strategy.suggest(context);
        } finally {
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
