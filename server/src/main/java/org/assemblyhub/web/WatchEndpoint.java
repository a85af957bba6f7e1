package org.assemblyhub.web;

import io.netty.channel.EventLoopGroup;
import io.vertx.core.Context;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where anonymous observers' browsers connect, once the observers' front door ({@link WatchVerticle}) listens: set by
 * it, read by every gateway to answer {@code GET /api/live-endpoint}. Empty when the hub has no such door.
 */
public final class WatchEndpoint {
    private final AtomicReference<String> url = new AtomicReference<>();
    private volatile int port = -1;
    private volatile List<Context> loops = List.of();

    void opened(String url, int port, List<Context> loops) {
        this.port = port;
        this.loops = List.copyOf(loops);
        this.url.set(url);
    }

    private volatile EventLoopGroup group;

    void ownLoops(EventLoopGroup group) {
        this.group = group;
    }

    /** Stops the observers' event loops: once Vert.x is closed (it cancels their timers on them till then). */
    public void shutdown() {
        if (group != null) group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }

    /** The observers' gateways' contexts, one per event loop of theirs (tests hold them up to show they are apart). */
    public List<Context> loops() {
        return loops;
    }

    /** The URL browsers open ({@code ws(s)://…/watch} or a path on the hub's origin), or null. */
    public String url() {
        return url.get();
    }

    /** The port the door really listens on (-1: none). */
    public int port() {
        return port;
    }
}
