package org.assemblyhub.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over an assembly's journal, which anyone holding the journal (or a copy of it) can recompute:
 * {@code head(0) = SHA-256("assembly-hub journal\n" + assemblyId)} and
 * {@code head(n) = SHA-256(head(n-1) | seq(n) as 8 bytes big-endian | data(n))}, over each record's bytes as stored.
 * Every record the engine writes names the head before it ({@code "prev"} in its envelope), so a record changed,
 * removed, reordered or inserted breaks the chain at the first record after it; and a published head pins everything
 * up to its seq. The chain covers stored bytes only: personal data sealed under a person's key stays sealed in them,
 * and erasing that key changes no byte.
 */
public final class JournalChain {
    private static final HexFormat HEX = HexFormat.of();

    private JournalChain() {}

    /** The head before the first record: it binds the chain to its assembly. */
    public static String genesis(String assemblyId) {
        return HEX.formatHex(sha256().digest(("assembly-hub journal\n" + assemblyId).getBytes(StandardCharsets.UTF_8)));
    }

    /** The head once {@code record} follows {@code prev}. */
    public static String next(String prev, JournalRecord record) {
        return next(prev, record.seq(), record.data());
    }

    public static String next(String prev, long seq, byte[] data) {
        MessageDigest sha = sha256();
        sha.update(HEX.parseHex(prev));
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(0, seq));
        sha.update(data);
        return HEX.formatHex(sha.digest());
    }

    /** Whether {@code head} has the form of a head (64 lowercase hex digits). */
    public static boolean wellFormed(String head) {
        if (head == null || head.length() != 64) return false;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
