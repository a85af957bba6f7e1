package org.assemblyhub.web.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code Range} header asks of a file of a known size (RFC 9110 §14): one range of bytes, the whole file (no
 * header, another unit, several ranges or a malformed one, which a server may ignore), or nothing it can satisfy.
 * Video players seek with {@code bytes=a-}; {@code bytes=-n} asks for the last n bytes.
 */
sealed interface ByteRange {
    record Whole() implements ByteRange {}

    /** Bytes {@code first} to {@code last}, both included. */
    record Part(long first, long last) implements ByteRange {
        long length() {
            return last - first + 1;
        }

        String contentRange(long size) {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    record Unsatisfiable() implements ByteRange {}

    Pattern SPEC = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})", Pattern.CASE_INSENSITIVE);

    static ByteRange of(String header, long size) {
        if (header == null) return new Whole();
        Matcher m = SPEC.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) return new Whole();
        if (m.group(1).isEmpty()) { // the last n bytes
            long n = Long.parseLong(m.group(2));
            if (n == 0 || size == 0) return new Unsatisfiable();
            return new Part(Math.max(0, size - n), size - 1);
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (last < first) return new Whole(); // not a valid range: ignored
        if (first >= size) return new Unsatisfiable();
        return new Part(first, Math.min(last, size - 1));
    }
}
