package org.assemblyhub.outreach.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * Invitation tokens the hub can make again: {@code <assemblyId>.} + base64url(HMAC-SHA256(link secret,
 * {@code assemblyId:personId:nonce})). The journal keeps only the token's hash and the nonce, which grant nothing
 * without the hub's link secret (a private file of the data directory); with it, a reminder carries the member's
 * current link although the hub never stored it. A new nonce makes a new link, and the old one stops working as with
 * any reissued invitation.
 */
public final class LinkKey {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final SecretKeySpec key;

    public LinkKey(byte[] secret) {
        if (secret.length < 32) throw new IllegalArgumentException("a link secret has at least 256 bits");
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String token(String assemblyId, String personId, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] tag = mac.doFinal((assemblyId + ":" + personId + ":" + nonce).getBytes(StandardCharsets.UTF_8));
            return assemblyId + "." + B64.encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 128 random bits, base64url; {@code random} is a SecureRandom in production. */
    public static String newNonce(RandomGenerator random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }
}
