package org.assemblyhub.outreach.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
        return assemblyId + "." + B64.encodeToString(tag(assemblyId + ":" + personId + ":" + nonce));
    }

    /**
     * The key of a member's reminders link ({@code /r/<assembly>/<person>/<key>}): it lets whoever holds the e-mail
     * stop or restart that member's reminders, and nothing else — it opens no session and changes with no link.
     */
    public String remindersKey(String assemblyId, String personId) {
        return B64.encodeToString(tag("reminders:" + assemblyId + ":" + personId));
    }

    /** Whether {@code given} is this member's reminders key (compared in constant time). */
    public boolean isRemindersKey(String assemblyId, String personId, String given) {
        byte[] expected = remindersKey(assemblyId, personId).getBytes(StandardCharsets.US_ASCII);
        return given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] tag(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
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
