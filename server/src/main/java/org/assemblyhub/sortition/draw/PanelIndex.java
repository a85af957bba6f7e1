package org.assemblyhub.sortition.draw;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * The index of the drawn panel among m, from the seed, without modulo bias: for counter c = 0, 1, 2, … take the first
 * 8 bytes of SHA-256(seed ‖ c as 4 bytes big-endian) as an unsigned 64-bit number x; the first x below
 * 2^64 − (2^64 mod m) gives the index x mod m. Every index is then exactly equally likely; a value is rejected with
 * probability below m / 2^64.
 */
public final class PanelIndex {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private PanelIndex() {}

    public static int of(byte[] seed, int m) {
        if (m < 1) throw new IllegalArgumentException("m must be at least 1");
        BigInteger bigM = BigInteger.valueOf(m);
        BigInteger limit = TWO_TO_64.subtract(TWO_TO_64.mod(bigM));
        for (int counter = 0; ; counter++) {
            byte[] block = ByteBuffer.allocate(seed.length + 4)
                    .put(seed)
                    .putInt(counter)
                    .array();
            byte[] hash = Hashes.sha256(block);
            BigInteger x =
                    new BigInteger(1, ByteBuffer.allocate(8).put(hash, 0, 8).array());
            if (x.compareTo(limit) < 0) return x.mod(bigM).intValueExact();
        }
    }
}
