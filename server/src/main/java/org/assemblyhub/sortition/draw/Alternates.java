package org.assemblyhub.sortition.draw;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The order in which the people not drawn are called as replacements, fixed by the seed: ascending
 * SHA-256(seed ‖ 0x00 ‖ UTF-8 id), compared as unsigned bytes. Nobody can move up the list, and anyone can
 * recompute it.
 */
public final class Alternates {
    private Alternates() {}

    public static List<String> order(byte[] seed, List<String> pool, Set<String> drawn) {
        return pool.stream()
                .filter(id -> !drawn.contains(id))
                .sorted(Comparator.comparing((String id) -> HexFormat.of().formatHex(rank(seed, id))))
                .toList();
    }

    static byte[] rank(byte[] seed, String id) {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        byte[] block = ByteBuffer.allocate(seed.length + 1 + idBytes.length)
                .put(seed)
                .put((byte) 0)
                .put(idBytes)
                .array();
        return Arrays.copyOf(Hashes.sha256(block), 32);
    }
}
