package org.assemblyhub.video;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.TurnConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * The {@code RTCIceServer} list a browser gets with {@code video-join}: STUN servers as they are, TURN servers with
 * credentials — static ones, or, with coturn's shared secret, credentials of the person's own that expire
 * (coturn's "TURN REST API": username {@code <expiry, unix seconds>:<user>}, credential
 * {@code base64(HMAC-SHA1(secret, username))}). The user part is an opaque id, so TURN logs name no person.
 */
public final class IceServers {
    private final List<String> stun;
    private final List<String> turn;
    private final TurnConfig credentials;
    private final Clock clock;

    public IceServers(List<String> urls, TurnConfig credentials, Clock clock) {
        this.stun = urls.stream().filter(u -> u.startsWith("stun")).toList();
        this.turn = urls.stream().filter(u -> u.startsWith("turn")).toList();
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * {@code relay} when calls must go through TURN only (peers then never learn each other's addresses), else {@code
     * all}.
     */
    public String transportPolicy() {
        return credentials.relayOnly() ? "relay" : "all";
    }

    /** {@code user}: an opaque id of the person; null (an anonymous observer, never in a mesh call) gets STUN only. */
    public JsonArray forUser(String user) {
        JsonArray servers = new JsonArray();
        if (!stun.isEmpty()) servers.add(new JsonObject().put("urls", new JsonArray(stun)));
        if (turn.isEmpty() || user == null) return servers;
        JsonObject relay = new JsonObject().put("urls", new JsonArray(turn));
        if (credentials.secret() != null) {
            String username = (clock.instant().getEpochSecond() + TurnConfig.CREDENTIAL_HOURS * 3600L) + ":" + user;
            relay.put("username", username).put("credential", restCredential(credentials.secret(), username));
        } else {
            relay.put("username", credentials.username()).put("credential", credentials.credential());
        }
        return servers.add(relay);
    }

    /** coturn's check for {@code use-auth-secret}: the password is the HMAC-SHA1 of the username under the secret. */
    static String restCredential(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
