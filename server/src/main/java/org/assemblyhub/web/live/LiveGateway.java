package org.assemblyhub.web.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.config.HubConfig;
import org.assemblyhub.engine.EngineAddresses;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.engine.ObserverBacklog;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.ChangesIdentity;
import org.assemblyhub.metrics.HubMetrics;
import org.assemblyhub.web.http.HttpErrors;
import org.assemblyhub.web.http.Sessions;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The WebSocket endpoint {@code /live} of one gateway verticle (or {@code /watch}, the observers' own, of one of their
 * gateways). It keeps its own sockets grouped by assembly and audience and one event-bus consumer per followed
 * assembly, so an audience message is received once per verticle and the same text is written to every socket of
 * that audience, each from its own event loop.
 */
public final class LiveGateway {
    private final Vertx vertx;
    private final EngineClient engines;
    private final HubConfig config;
    private final Map<String, Fanout> fanouts = new HashMap<>();
    private final Set<ClientSession> all = new HashSet<>();
    private final ClientLimits limits;
    private final HubMetrics metrics;
    /** Observers' updates, written in slices after members' (one queue per gateway: one event loop). */
    private final OnlookerQueue onlookers;

    private final ObserverBacklog backlog;
    /** The observers' endpoint: every socket is an anonymous observer, whatever token or cookie it carries. */
    private final boolean observersOnly;

    private final class Fanout {
        final String assemblyId;
        final MessageConsumer<String> consumer;
        final Map<Audience, Set<ClientSession>> sessions = new HashMap<>();
        /** The same sessions by person (observers have none): a move or kick finds its sockets without a scan. */
        final Map<String, Set<ClientSession>> byPerson = new HashMap<>();

        Fanout(String assemblyId) {
            this.assemblyId = assemblyId;
            consumer = vertx.eventBus().consumer(EngineAddresses.out(assemblyId), this::onMessage);
        }

        void onMessage(Message<String> message) {
            if (message.headers().contains(EngineAddresses.RESTARTED)) {
                // A new owner took the assembly over: every socket joins it again and catches up from its seq.
                sessions.values().stream().flatMap(Set::stream).toList().forEach(ClientSession::rejoin);
                return;
            }
            String moved = message.headers().get("move");
            if (moved != null) {
                // The move carries the new audience's snapshot (empty: the sockets ask for a sync).
                Audience to = Audience.parse(message.headers().get("aud"));
                String seq = message.headers().get("seq");
                SharedText view = seq == null || message.body().isEmpty() ? null : new SharedText(message.body());
                for (ClientSession s : sessionsOf(moved)) s.moveTo(to, view == null ? -1 : Long.parseLong(seq), view);
                return;
            }
            String signalled = message.headers().get("signal");
            if (signalled != null) {
                sessionsOf(signalled).forEach(s -> s.signalled(message.body()));
                return;
            }
            String renewed = message.headers().get("renew");
            if (renewed != null) {
                if (ChangesIdentity.EVERYONE.equals(renewed))
                    everyPersonsSessions().forEach(ClientSession::renew);
                else sessionsOf(renewed).forEach(ClientSession::renew);
                return;
            }
            String kicked = message.headers().get("kick");
            if (kicked != null) {
                sessionsOf(kicked).forEach(ClientSession::kick);
                return;
            }
            Audience audience = Audience.parse(message.headers().get("aud"));
            Set<ClientSession> targets = sessions.get(audience);
            if (targets == null) return;
            long seq = Long.parseLong(message.headers().get("seq"));
            SharedText text = new SharedText(message.body());
            metrics.fannedOut(audience.kind(), targets.size(), text.bytes());
            ClientSession[] to = targets.toArray(ClientSession[]::new);
            if (audience.kind() == Audience.Kind.OBSERVER) {
                // Counted while in progress: the engine holds the observers' next update until every gateway of
                // this node has written this one (ObserverBacklog), so a crowd's updates never pile up here.
                backlog.started(assemblyId);
                onlookers.send(to, seq, text, () -> backlog.finished(assemblyId));
            } else {
                for (ClientSession session : to) session.deliver(seq, text);
            }
        }

        /** Every invited person's sessions (anonymous observers' not), as a copy. */
        List<ClientSession> everyPersonsSessions() {
            return byPerson.values().stream().flatMap(Set::stream).toList();
        }

        /** A copy: moving or closing a session changes the sets. */
        List<ClientSession> sessionsOf(String personId) {
            return List.copyOf(byPerson.getOrDefault(personId, Set.of()));
        }

        boolean isEmpty() {
            return sessions.values().stream().allMatch(Set::isEmpty);
        }
    }

    public LiveGateway(Vertx vertx, EngineClient engines, HubConfig config) {
        this(vertx, engines, config, false);
    }

    /** {@code observersOnly}: the observers' endpoint, where no token is ever read (a member gets the public view). */
    public LiveGateway(Vertx vertx, EngineClient engines, HubConfig config, boolean observersOnly) {
        this.observersOnly = observersOnly;
        this.vertx = vertx;
        this.engines = engines;
        this.config = config;
        this.limits = ClientLimits.of(vertx, config.limits());
        this.metrics = HubMetrics.of(vertx);
        this.onlookers = new OnlookerQueue(vertx.getOrCreateContext());
        this.backlog = ObserverBacklog.of(vertx);
        long silence = config.limits().maxSilenceMs();
        vertx.setPeriodic(Math.max(100, silence / 4), t -> {
            long now = System.nanoTime();
            List.copyOf(all).forEach(s -> s.closeIfSilent(now, silence * 1_000_000));
        });
    }

    /** Runs {@code action} on this verticle's event loop after {@code ms}. */
    void later(long ms, Runnable action) {
        vertx.setTimer(ms, t -> action.run());
    }

    HubMetrics metrics() {
        return metrics;
    }

    void forget(ClientSession session) {
        all.remove(session);
    }

    public void accept(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!sameOrigin(request)) {
            rc.response().setStatusCode(403).end("Cross-origin WebSocket refused.");
            return;
        }
        String address = limits.addressOf(request);
        if (!limits.openSocket(address)) {
            HttpErrors.error(
                    rc,
                    429,
                    "too-many-connections",
                    "Too many connections from your network at once. Close a few tabs and try again.");
            return;
        }
        String token = observersOnly ? null : Sessions.tokenOf(request);
        request.toWebSocket().onComplete(ar -> {
            if (ar.failed()) {
                limits.closeSocket(address);
                return;
            }
            ServerWebSocket ws = ar.result();
            ws.setWriteQueueMaxSize(512 * 1024);
            ClientSession session = new ClientSession(
                    this,
                    engines,
                    ws,
                    token,
                    config.maxMessageBytes(),
                    config.commandsPerSecond(),
                    () -> limits.closeSocket(address));
            all.add(session);
            session.start();
        });
    }

    /** Browsers always send Origin on WebSockets; another site's page must not ride on the session cookie. */
    private boolean sameOrigin(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) return true;
        try {
            String originAuthority = URI.create(origin).getRawAuthority();
            String host = request.getHeader("Host");
            return originAuthority != null
                    && (originAuthority.equalsIgnoreCase(host)
                            || originAuthority.equalsIgnoreCase(
                                    URI.create(config.publicUrl()).getRawAuthority()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    Future<Void> subscribe(ClientSession session) {
        Fanout fanout = fanouts.computeIfAbsent(session.assemblyId(), Fanout::new);
        join(fanout, session);
        if (session.personId() != null)
            fanout.byPerson
                    .computeIfAbsent(session.personId(), p -> new LinkedHashSet<>())
                    .add(session);
        return fanout.consumer.completion();
    }

    /** A session now in another audience of the same assembly (its person's sockets stay where they are). */
    void switched(ClientSession session, Audience from) {
        Fanout fanout = fanouts.get(session.assemblyId());
        if (fanout == null) {
            subscribe(session);
            return;
        }
        leave(fanout, from, session);
        join(fanout, session);
    }

    /** Membership and the connection count move together: a socket is counted while it is in an audience's set. */
    private void join(Fanout fanout, ClientSession session) {
        if (fanout.sessions
                .computeIfAbsent(session.audience(), a -> new LinkedHashSet<>())
                .add(session)) metrics.connected(fanout.assemblyId, session.audience());
    }

    private void leave(Fanout fanout, Audience audience, ClientSession session) {
        Set<ClientSession> set = fanout.sessions.get(audience);
        if (set != null && set.remove(session)) metrics.disconnected(fanout.assemblyId, audience);
    }

    void unsubscribe(ClientSession session) {
        if (session.assemblyId() == null || session.audience() == null) return;
        Fanout fanout = fanouts.get(session.assemblyId());
        if (fanout == null) return;
        leave(fanout, session.audience(), session);
        Set<ClientSession> own = session.personId() == null ? null : fanout.byPerson.get(session.personId());
        if (own != null && own.remove(session) && own.isEmpty()) fanout.byPerson.remove(session.personId());
        if (fanout.isEmpty()) {
            fanouts.remove(session.assemblyId());
            fanout.consumer.unregister();
        }
    }
}
