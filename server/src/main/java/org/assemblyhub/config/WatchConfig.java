package org.assemblyhub.config;

import java.net.URI;

/**
 * The observers' own front door ({@code --observer-port}); {@link #NONE}: observers use {@code /live} like everyone.
 * Anonymous observers are the crowd of a televised vote: served from gateways of their own, on event loops of their
 * own, writing the fan-out to ten thousand sockets never delays a member's command or its acknowledgement.
 *
 * @param port the port of the observers' WebSocket endpoint {@code /watch}
 * @param url  what browsers open for it: {@code ws(s)://host:port/watch}, or a path on the hub's own origin such as
 *             {@code /watch} when a proxy routes that path to the observers' port
 */
public record WatchConfig(int port, String url) {
    public static final WatchConfig NONE = new WatchConfig(-1, null);

    public boolean enabled() {
        return port >= 0;
    }

    /**
     * The URL browsers open, given the hub's public URL: {@code url} when set, else the public URL's host on
     * {@code actualPort}.
     */
    public String browserUrl(String publicUrl, int actualPort) {
        if (url != null) return url;
        URI hub = URI.create(publicUrl);
        String scheme = "https".equals(hub.getScheme()) ? "wss" : "ws";
        return scheme + "://" + hub.getHost() + ":" + actualPort + "/watch";
    }
}
