package org.assemblyhub.video;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;

/**
 * The ids peers know each other by in calls: an HMAC of the room and the person under the hub's room key, so the
 * organiser-chosen person ids ({@code maria.lopez}) never reach another browser, a person's id differs from one room
 * to the next (peers of one group cannot follow them into the next), and only the hub maps an id back. Plain Java;
 * one instance per assembly, on its engine's context (not thread-safe).
 */
public final class PeerIds {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private final byte[] key;
    private final Map<String, String> byRoomAndPerson = new HashMap<>();
    private final Map<String, String> personById = new HashMap<>();

    public PeerIds(byte[] key) {
        this.key = key.clone();
    }

    /** The id under which {@code personId} appears to the others in {@code room}. */
    public String of(VideoRoom room, String personId) {
        return byRoomAndPerson.computeIfAbsent(room.name() + "\n" + personId, k -> {
            String id = "p" + hmac("peer\n" + k, 16);
            personById.put(id, personId);
            return id;
        });
    }

    /** The person behind an id handed out earlier (in any room), or null: the caller checks the room. */
    public String person(String peerId) {
        return peerId == null ? null : personById.get(peerId);
    }

    /** A stable, opaque name for a person across rooms (the user part of TURN credentials, which TURN logs show). */
    public String user(String assemblyId, String personId) {
        return "u" + hmac("turn user\n" + assemblyId + "\n" + personId, 16);
    }

    private String hmac(String text, int symbols) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] h = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder(symbols);
            for (int i = 0; i < symbols; i++) out.append(ALPHABET.charAt(h[i] & 31));
            return out.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
