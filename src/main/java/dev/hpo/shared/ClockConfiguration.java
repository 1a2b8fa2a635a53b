package dev.hpo.shared;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every service reads, so tests can replace it with a fixed or offset clock. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        // PostgreSQL keeps microseconds: a clock that ticks in microseconds makes every instant the service hands
        // out equal to what it reads back, so a repeated call answers byte for byte the same body.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
