package org.assemblyhub.recommendation.domain;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One link of a ballot's hash chain. {@code hash} = SHA-256 (hex) of the canonical text
 * <pre>
 * ballot=&lt;id&gt;\nn=&lt;n&gt;\ntype=&lt;type&gt;\nprev=&lt;previous hash&gt;\n&lt;key&gt;=&lt;value&gt;\n…
 * </pre>
 * with the fields sorted by key and, in values, {@code \} written {@code \\}, a line feed {@code \n}, a carriage
 * return {@code \r}. The first entry's {@code prev} is {@link #GENESIS}. Anyone can recompute it (docs/ballots.md).
 */
public record AuditEntry(int n, String type, Map<String, String> fields, String prev, String hash)
        implements Serializable {
    public static final String GENESIS = "0".repeat(64);

    public AuditEntry {
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    public static AuditEntry next(String ballotId, AuditEntry previous, String type, Map<String, String> fields) {
        int n = previous == null ? 1 : previous.n() + 1;
        String prev = previous == null ? GENESIS : previous.hash();
        return new AuditEntry(n, type, fields, prev, hashOf(ballotId, n, type, fields, prev));
    }

    public static String hashOf(String ballotId, int n, String type, Map<String, String> fields, String prev) {
        StringBuilder text = new StringBuilder()
                .append("ballot=")
                .append(escape(ballotId))
                .append('\n')
                .append("n=")
                .append(n)
                .append('\n')
                .append("type=")
                .append(escape(type))
                .append('\n')
                .append("prev=")
                .append(prev)
                .append('\n');
        new TreeMap<>(fields)
                .forEach((k, v) ->
                        text.append(escape(k)).append('=').append(escape(v)).append('\n'));
        return sha256(text.toString());
    }

    /** Whether the stored hash is the hash of the stored content. */
    public boolean intact(String ballotId) {
        return hash.equals(hashOf(ballotId, n, type, fields, prev));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
