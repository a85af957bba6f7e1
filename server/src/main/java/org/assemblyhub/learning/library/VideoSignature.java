package org.assemblyhub.learning.library;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Tika's core signatures name a video's container family but not always the member browsers play: an MP4 whose brand
 * is {@code isom} (what most encoders write) is only "QuickTime" to it, and every Matroska file, WebM included, is
 * only "Matroska". This reads the one box or element that decides: the MP4 {@code ftyp} brands, the EBML
 * {@code DocType}.
 */
final class VideoSignature {
    /** ISO base media brands of MP4 files (major or compatible); QuickTime's own {@code qt  } is not one. */
    private static final Set<String> MP4_BRANDS =
            Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "M4V ", "mmp4");

    private VideoSignature() {}

    /** Whether the file starts with an {@code ftyp} box naming an MP4 brand. */
    static boolean isMp4(byte[] head) {
        if (head.length < 16 || !ascii(head, 4, 4).equals("ftyp")) return false;
        long size = ((head[0] & 0xffL) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        int end = (int) Math.min(size, head.length);
        if (MP4_BRANDS.contains(ascii(head, 8, 4))) return true;
        for (int at = 16; at + 4 <= end; at += 4) if (MP4_BRANDS.contains(ascii(head, at, 4))) return true;
        return false;
    }

    /** The EBML header's {@code DocType} ("webm", "matroska"), or null if the file does not start with one. */
    static String ebmlDocType(byte[] head) {
        if (head.length < 5
                || (head[0] & 0xff) != 0x1A
                || (head[1] & 0xff) != 0x45
                || (head[2] & 0xff) != 0xDF
                || (head[3] & 0xff) != 0xA3) return null;
        int[] at = {4};
        long headerSize = vint(head, at, true);
        if (headerSize < 0) return null;
        long end = Math.min(head.length, at[0] + headerSize);
        while (at[0] < end) {
            long id = vint(head, at, false);
            long size = vint(head, at, true);
            if (id < 0 || size < 0 || at[0] + size > end) return null;
            if (id == 0x4282) return ascii(head, at[0], (int) size).replace("\0", "");
            at[0] += (int) size;
        }
        return null;
    }

    /**
     * An EBML variable-length integer at {@code at[0]} (advanced past it): the number of leading zero bits gives its
     * length; ids keep their marker bit, sizes lose it. -1 if it does not fit in what was read.
     */
    private static long vint(byte[] bytes, int[] at, boolean dropMarker) {
        if (at[0] >= bytes.length) return -1;
        int first = bytes[at[0]] & 0xff;
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || length > 8 || at[0] + length > bytes.length) return -1;
        long value = dropMarker ? first & (0xff >> length) : first;
        for (int i = 1; i < length; i++) value = (value << 8) | (bytes[at[0] + i] & 0xff);
        at[0] += length;
        return value;
    }

    private static String ascii(byte[] bytes, int from, int length) {
        if (from + length > bytes.length) return "";
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
}
