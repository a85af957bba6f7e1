package org.assemblyhub.bench;

import java.util.Arrays;

/**
 * What one connection received: the seq and arrival time of each message (growable arrays, no boxing — ten thousand
 * of these are alive at once), and message and byte counts.
 */
final class FrameLog {
    long[] seqs = new long[64];
    long[] times = new long[64];
    int count;
    long messages;
    long bytes;

    synchronized void add(long seq, long nanos, int length) {
        if (count == seqs.length) {
            seqs = Arrays.copyOf(seqs, count * 2);
            times = Arrays.copyOf(times, count * 2);
        }
        seqs[count] = seq;
        times[count] = nanos;
        count++;
        messages++;
        bytes += length;
    }

    synchronized void reset() {
        count = 0;
        messages = 0;
        bytes = 0;
    }

    synchronized long lastSeq() {
        return count == 0 ? -1 : seqs[count - 1];
    }

    /** The number after {@code "key":} in a JSON text, or -1; enough for the hub's flat envelopes, without parsing. */
    static long number(String text, String key) {
        int at = text.indexOf("\"" + key + "\":");
        if (at < 0) return -1;
        int i = at + key.length() + 3;
        long value = 0;
        boolean any = false;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            value = value * 10 + (text.charAt(i++) - '0');
            any = true;
        }
        return any ? value : -1;
    }

    /** The text after {@code "key":"} up to the next quote, or null. */
    static String string(String text, String key) {
        int at = text.indexOf("\"" + key + "\":\"");
        if (at < 0) return null;
        int start = at + key.length() + 4;
        int end = text.indexOf('"', start);
        return end < 0 ? null : text.substring(start, end);
    }
}
