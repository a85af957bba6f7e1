package org.assemblyhub.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.assemblyhub.kernel.Audience;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open sockets per assembly and audience kind, updated by every gateway verticle. A gauge is registered the first time
 * an assembly and kind meet and stays (at 0 once empty), so a scrape never sees a series vanish and come back.
 */
final class Connections {
    private record Key(String assemblyId, Audience.Kind kind) {}

    private final MeterRegistry registry;
    private final Map<Key, AtomicLong> open = new ConcurrentHashMap<>();

    Connections(MeterRegistry registry) {
        this.registry = registry;
    }

    void add(String assemblyId, Audience.Kind kind, int delta) {
        open.computeIfAbsent(new Key(assemblyId, kind), this::gauge).addAndGet(delta);
    }

    private AtomicLong gauge(Key key) {
        AtomicLong count = new AtomicLong();
        Gauge.builder("hub.connections", count, AtomicLong::get)
                .description("Open WebSockets, by assembly and audience (members and facilitators of all groups)")
                .tags(
                        "assembly",
                        key.assemblyId(),
                        "audience",
                        key.kind().name().toLowerCase(Locale.ROOT))
                .register(registry);
        return count;
    }
}
