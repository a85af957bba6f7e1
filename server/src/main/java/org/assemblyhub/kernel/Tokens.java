package org.assemblyhub.kernel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Invitation tokens: {@code <assemblyId>.<256 random bits, base64url>}. The assembly id in front routes a link to its
 * assembly without a global index; only the SHA-256 of a token is ever stored.
 */
public final class Tokens {
    private final RandomGenerator random;

    /** {@code random} must be a SecureRandom in production; tests may pass a seeded one. */
    public Tokens(RandomGenerator random) {
        this.random = random;
    }

    public String newToken(String assemblyId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return assemblyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The assembly a token claims to belong to; whether it is valid is for that assembly to say. */
    public static Optional<String> assemblyOf(String token) {
        if (token == null || token.length() > 200) return Optional.empty();
        int dot = token.indexOf('.');
        return dot > 0 ? Optional.of(token.substring(0, dot)) : Optional.empty();
    }
}
