package org.assemblyhub.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import org.assemblyhub.kernel.Audience;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The hub's Prometheus metrics (Micrometer), one set per Vert.x instance, shared by every verticle of the process:
 * {@code HubMetrics.of(vertx)} from anywhere that has the hub's Vert.x. Served at {@code /metrics} by
 * {@link MetricsRoute}; names and alert thresholds in docs/operations.md ("What to monitor").
 *
 * <p>Labels name assemblies and audiences, never a person: nothing here may take a person id or a name.
 */
public final class HubMetrics implements Shareable {
    private static final String SHARED_MAP = "assembly-hub.metrics";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Connections connections = new Connections(registry);
    private final Counter acks;
    private final Counter refusals;
    private final Timer ackLatency;
    private final Timer refusalLatency;
    private final Map<Audience.Kind, Counter> fanoutMessages = new EnumMap<>(Audience.Kind.class);
    private final Map<Audience.Kind, Counter> fanoutBytes = new EnumMap<>(Audience.Kind.class);
    private final Counter ownerMoves;

    HubMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
        acks = commands("ack");
        refusals = commands("error");
        ackLatency = latency("ack");
        refusalLatency = latency("error");
        for (Audience.Kind kind : Audience.Kind.values()) {
            String audience = kind.name().toLowerCase(Locale.ROOT);
            fanoutMessages.put(
                    kind,
                    Counter.builder("hub.fanout.messages")
                            .description("Audience messages written to sockets (one per socket)")
                            .tag("audience", audience)
                            .register(registry));
            fanoutBytes.put(
                    kind,
                    Counter.builder("hub.fanout.bytes")
                            .description("UTF-8 bytes of audience messages written to sockets")
                            .baseUnit("bytes")
                            .tag("audience", audience)
                            .register(registry));
        }
        ownerMoves = Counter.builder("hub.owner.moves")
                .description("Assemblies taken over by this node from another owner (cluster failover or hand-over)")
                .register(registry);
    }

    /** The one instance of this Vert.x (created by the first caller). */
    public static HubMetrics of(Vertx vertx) {
        return (HubMetrics) vertx.sharedData()
                .<String, HubMetrics>getLocalMap(SHARED_MAP)
                .computeIfAbsent("metrics", k -> new HubMetrics());
    }

    private Counter commands(String result) {
        return Counter.builder("hub.commands")
                .description("Commands answered on the WebSockets: ack (applied) or error (refused or failed)")
                .tag("result", result)
                .register(registry);
    }

    /**
     * A Prometheus histogram (buckets from 1 ms to 10 s): percentiles are taken where they can be added up across
     * nodes, {@code histogram_quantile(0.99, sum by (le) (rate(hub_command_latency_seconds_bucket[5m])))}, rather than
     * computed per node (client-side percentiles of several nodes cannot be combined).
     */
    private Timer latency(String result) {
        return Timer.builder("hub.command.latency")
                .description("From a command read on a socket to its answer written back, cluster hop included")
                .tag("result", result)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** A socket joined {@code audience} of an assembly (counted per assembly and audience kind, groups together). */
    public void connected(String assemblyId, Audience audience) {
        connections.add(assemblyId, audience.kind(), 1);
    }

    public void disconnected(String assemblyId, Audience audience) {
        connections.add(assemblyId, audience.kind(), -1);
    }

    /** A command answered {@code nanos} after it was read: {@code applied} when acknowledged, else refused. */
    public void commandAnswered(long nanos, boolean applied) {
        (applied ? acks : refusals).increment();
        (applied ? ackLatency : refusalLatency).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One audience message of {@code bytes} UTF-8 bytes written to {@code sockets} sockets. */
    public void fannedOut(Audience.Kind audience, int sockets, long bytes) {
        if (sockets == 0) return;
        fanoutMessages.get(audience).increment(sockets);
        fanoutBytes.get(audience).increment((double) sockets * bytes);
    }

    /**
     * This node took over an assembly another node owned (the cluster calls it once per takeover, after the claim on
     * the journal succeeded). A steady rate means owners keep losing their leases.
     */
    public void ownerMoved() {
        ownerMoves.increment();
    }

    /**
     * A journal operation failed ({@code store}: "file", "redis"; {@code operation}: "append", "replay", "claim",
     * "connect"…; {@code error}: "fenced", "seq-conflict", "failed", "unavailable"). {@link MeteredEventStore} counts
     * what fails through the EventStore; a store calls this for what fails outside a call (a lost connection).
     */
    public void journalError(String store, String operation, String error) {
        journalErrors(store, operation, error).increment();
    }

    /**
     * The series a store's failures will use, registered at 0 beforehand: Prometheus's {@code increase()} sees no
     * increase in a counter whose first sample is already 1, so an alert on the first append failure would miss it.
     */
    void journalErrorsStartAtZero(String store, String operation, String error) {
        journalErrors(store, operation, error);
    }

    private Counter journalErrors(String store, String operation, String error) {
        return Counter.builder("hub.journal.errors")
                .description("Journal (file or Redis) operations that failed")
                .tags("store", store, "operation", operation, "error", error)
                .register(registry);
    }

    MeterTimers journal(String store) {
        return new MeterTimers(registry, store);
    }

    /** The Prometheus text exposition of every metric: a few ms of CPU, so not on an event loop. */
    public String scrape() {
        return registry.scrape();
    }

    /** Stops the JVM listeners (GC notifications) when the hub stops. */
    public void close() {
        gc.close();
        registry.close();
    }
}
