package org.assemblyhub.video;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * A call: the plenary ({@code group} 0) or one breakout group of one round. Its name is derived from the assembly,
 * round and group with an HMAC under the hub's room key, so it cannot be guessed from outside (a Jitsi room name is
 * all it takes to knock on a room).
 */
public record VideoRoom(int round, int group, String name) {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    public static VideoRoom of(byte[] roomKey, String assemblyId, int round, int group) {
        int r = group == 0 ? 0 : round;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(roomKey, "HmacSHA256"));
            byte[] h = mac.doFinal((assemblyId + "/" + r + "/" + group).getBytes(StandardCharsets.UTF_8));
            StringBuilder name = new StringBuilder(group == 0 ? "plenary-" : "group" + group + "-");
            for (int i = 0; i < 20; i++) name.append(ALPHABET.charAt(h[i] & 31));
            return new VideoRoom(r, group, name.toString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isPlenary() {
        return group == 0;
    }
}
