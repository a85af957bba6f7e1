package org.assemblyhub.video.domain;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The plenary's public live stream, set by an organiser: an HLS playlist ({@code .m3u8}, played in a {@code <video>})
 * or a page to embed (a PeerTube-style {@code /videos/embed/…} player, or any https page). {@code origin} is what the
 * hub's stream page lets the browser load from (its Content-Security-Policy names this origin only).
 * {@code captions}: the organiser says the stream carries captions (HLS subtitle tracks, or the player's own).
 */
public record LiveStream(String url, Kind kind, String origin, boolean captions) implements Serializable {
    public static final int MAX_URL = 2_000;

    public enum Kind {
        HLS,
        EMBED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a URL is refused: a stable code (docs/protocol.md) and a sentence for the organiser. */
    public record Refusal(String code, String message) {}

    /** A checked stream, or the reason it is refused; a blank URL is no stream (clearing it). */
    public sealed interface Checked {}

    public record Valid(LiveStream stream) implements Checked {}

    public record Invalid(Refusal refusal) implements Checked {}

    /**
     * https only (plain http for localhost and 127.0.0.1, where tests and a local encoder run), at most
     * {@value #MAX_URL} characters, a host, and no user name or password in it: the URL is shown to the public.
     */
    public static Checked check(String url, boolean captions) {
        if (url.length() > MAX_URL) return invalid("The address is too long (" + MAX_URL + " characters at most).");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return invalid("This is not a web address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !uri.isAbsolute()) return invalid("Give the whole address, starting with https://.");
        if (uri.getRawUserInfo() != null) {
            return new Invalid(new Refusal(
                    "stream-url-credentials",
                    "The address holds a user name or password: everyone would see it. Use a public address."));
        }
        boolean local = host.equals("localhost") || host.equals("127.0.0.1");
        if (!scheme.equals("https") && !(scheme.equals("http") && local))
            return invalid("The address must start with https://.");
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().toLowerCase(Locale.ROOT);
        Kind kind = path.endsWith(".m3u8") ? Kind.HLS : Kind.EMBED;
        String origin = scheme + "://" + host.toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return new Valid(new LiveStream(uri.toString(), kind, origin, captions));
    }

    private static Invalid invalid(String message) {
        return new Invalid(new Refusal("stream-url-invalid", message));
    }
}
