package org.assemblyhub.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/** The journal's append latency for one kind of store, as {@link MeteredEventStore} records it. */
record MeterTimers(Timer append) {
    MeterTimers(MeterRegistry registry, String store) {
        this(Timer.builder("hub.journal.append")
                .description("A batch appended to the journal until it is durable (fsync'd, or acknowledged by Redis)")
                .tag("store", store)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry));
    }
}
