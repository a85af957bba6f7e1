package org.assemblyhub.testing;

import org.jcodec.api.awt.AWTSequenceEncoder;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Small real media for tests, made here in pure Java (no binary fixtures): an H.264 MP4 (jcodec) that browsers play,
 * its WebVTT captions, and the start of a WebM file (enough for content sniffing, not for playing).
 */
public final class TestVideos {
    public static final int WIDTH = 160;
    public static final int HEIGHT = 120;
    public static final int FPS = 10;

    /** One solid colour per second, in this order, then again. */
    private static final Color[] COLOURS = {Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW};

    private TestVideos() {}

    /** Writes an H.264 MP4 of {@code seconds} seconds, 160×120, one solid colour a second, to {@code file}. */
    public static Path mp4(Path file, int seconds) {
        try {
            AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(file.toFile(), FPS);
            BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
            for (int i = 0; i < seconds * FPS; i++) {
                Graphics2D g = frame.createGraphics();
                g.setColor(COLOURS[(i / FPS) % COLOURS.length]);
                g.fillRect(0, 0, WIDTH, HEIGHT);
                g.dispose();
                encoder.encodeImage(frame);
            }
            encoder.finish();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** WebVTT captions for the first four seconds of {@link #mp4}: one cue per colour. */
    public static String captions() {
        return """
                WEBVTT

                1
                00:00:00.000 --> 00:00:01.000
                Red

                2
                00:00:01.000 --> 00:00:02.000
                Green

                3
                00:00:02.000 --> 00:00:03.000
                Blue

                4
                00:00:03.000 --> 00:00:04.000
                Yellow
                """;
    }

    /**
     * The start of a WebM file: its EBML header (doc type "webm", version 2) and a Segment of unknown size. What a
     * content check reads; no player would find frames in it.
     */
    public static byte[] webmHead() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] docType = "webm".getBytes(StandardCharsets.US_ASCII);
        byte[] header = concat(
                element(0x4286, new byte[] {1}), // EBMLVersion
                element(0x42F7, new byte[] {1}), // EBMLReadVersion
                element(0x42F2, new byte[] {4}), // EBMLMaxIDLength
                element(0x42F3, new byte[] {8}), // EBMLMaxSizeLength
                element(0x4282, docType), // DocType
                element(0x4287, new byte[] {2}), // DocTypeVersion
                element(0x4285, new byte[] {2})); // DocTypeReadVersion
        out.writeBytes(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) (0x80 | header.length)});
        out.writeBytes(header);
        out.writeBytes(new byte[] {0x18, 0x53, (byte) 0x80, 0x67, 0x01, -1, -1, -1, -1, -1, -1, -1}); // Segment
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static byte[] element(int id, byte[] data) {
        return concat(new byte[] {(byte) (id >> 8), (byte) id, (byte) (0x80 | data.length)}, data);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }
}
