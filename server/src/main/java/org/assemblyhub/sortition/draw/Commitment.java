package org.assemblyhub.sortition.draw;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is published before the draw: the SHA-256 of each committed file, and one hash over them all — the SHA-256 of
 * the UTF-8 text {@code "assembly-hub sortition commitment v1\n"} followed by one line {@code "<file> <hex>\n"} per
 * file in the order of {@link #FILES}.
 */
public record Commitment(Map<String, String> fileHashes, String hash) {
    public static final String POOL = "pool-pseudonymised.csv";
    public static final String QUOTAS = "quotas.csv";
    public static final String SETTINGS = "settings.toml";
    public static final String PANELS = "panels.csv";
    public static final String[] FILES = {POOL, QUOTAS, SETTINGS, PANELS};
    static final String HEADER = "assembly-hub sortition commitment v1\n";

    public Commitment {
        fileHashes = Map.copyOf(fileHashes);
    }

    /** The commitment to the given file contents, keyed by file name. */
    public static Commitment of(Map<String, byte[]> files) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String f : FILES) {
            byte[] bytes = files.get(f);
            if (bytes == null) throw new IllegalArgumentException("no " + f);
            hashes.put(f, Hashes.sha256Hex(bytes));
        }
        return new Commitment(hashes, combine(hashes));
    }

    public static String combine(Map<String, String> hashes) {
        StringBuilder text = new StringBuilder(HEADER);
        for (String f : FILES) text.append(f).append(' ').append(hashes.get(f)).append('\n');
        return Hashes.sha256Hex(text.toString());
    }
}
