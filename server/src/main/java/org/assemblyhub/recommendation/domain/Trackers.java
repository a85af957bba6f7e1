package org.assemblyhub.recommendation.domain;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Ballot trackers: the member's browser makes a random secret; the tracker is derived from it and the ballot, so the
 * hub needs to keep neither, and only the secret's holder can change that ballot later. Trackers are 12 characters
 * of Crockford's base 32 (no I, L, O or U, so nothing is misread), 60 bits, shown as {@code 7K2P-QX4M-9RTD}.
 */
public final class Trackers {
    private static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private Trackers() {}

    public static String of(String ballotId, String secret) {
        String hex = AuditEntry.sha256("assembly-hub tracker\n" + ballotId + "\n" + secret);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            int value = Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16);
            out.append(SYMBOLS.charAt(value & 31));
            if (i == 3 || i == 7) out.append('-');
        }
        return out.toString();
    }

    /**
     * Who may replace a ballot: SHA-256 of the ballot, the member and the secret. Kept with the member's roll mark, it
     * lets the hub check that a replacement comes from the member who cast the ballot, without being able to tell
     * which tracker is theirs (that needs the secret, which the hub never keeps).
     */
    public static String owner(String ballotId, String personId, String secret) {
        return AuditEntry.sha256("assembly-hub ballot owner\n" + ballotId + "\n" + personId + "\n" + secret);
    }

    /** A secret is 32 to 128 lower-case hex digits (16 random bytes or more). */
    public static boolean validSecret(String secret) {
        return secret != null
                && secret.length() >= 32
                && secret.length() <= 128
                && secret.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    public static String choiceText(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public static List<Integer> parseChoice(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
    }
}
