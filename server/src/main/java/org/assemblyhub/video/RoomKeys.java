package org.assemblyhub.video;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The room-name key: derived from the Jitsi secret (stable across restarts and nodes), never the secret itself. */
public final class RoomKeys {
    private RoomKeys() {}

    public static byte[] fromSecret(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("assembly-hub room names\n" + secret).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
