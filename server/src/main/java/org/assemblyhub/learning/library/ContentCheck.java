package org.assemblyhub.learning.library;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Whether a file's content is what its kind says, read from the bytes alone (never the name the uploader gave):
 * videos and PDFs by their signature (Apache Tika), PDFs must also parse (PDFBox); Markdown and captions are UTF-8
 * text that must pass their own checks. Blocking and CPU-bound: call it off the event loop.
 */
public final class ContentCheck {
    /** Enough of a video's start for its {@code ftyp} box or EBML header. */
    private static final int HEAD = 4096;

    private final Detector detector = new DefaultDetector();

    public FileFacts check(FileKind kind, Path file) throws IOException, FileRefused {
        return switch (kind) {
            case VIDEO -> video(file);
            case PDF -> {
                sniff(kind, file, "application/pdf");
                yield new FileFacts("application/pdf", PdfCheck.pages(file));
            }
            case MARKDOWN -> {
                MarkdownCheck.check(Utf8.text(kind, Files.readAllBytes(file)));
                yield new FileFacts("text/markdown", null);
            }
            case CAPTIONS -> {
                CaptionsCheck.check(Utf8.text(kind, Files.readAllBytes(file)));
                yield new FileFacts("text/vtt", null);
            }
        };
    }

    /**
     * Tika names the container family from the signatures; the MP4 brands or the EBML doc type then decide between
     * what browsers play (MP4, WebM) and its relatives they may not (QuickTime, Matroska).
     */
    private FileFacts video(Path file) throws IOException, FileRefused {
        String type = detect(file);
        byte[] head = head(file);
        if (Set.of("video/mp4", "video/quicktime", "video/x-m4v").contains(type) && VideoSignature.isMp4(head)) {
            return new FileFacts("video/mp4", null);
        }
        if (Set.of("application/x-matroska", "video/webm").contains(type)
                && "webm".equals(VideoSignature.ebmlDocType(head))) {
            return new FileFacts("video/webm", null);
        }
        throw FileRefused.wrongType(FileKind.VIDEO, type);
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    private void sniff(FileKind kind, Path file, String expected) throws IOException, FileRefused {
        String type = detect(file);
        if (!type.equals(expected)) throw FileRefused.wrongType(kind, type);
    }

    /** The media type by content only: no file name is given to the detector. */
    String detect(Path file) throws IOException {
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return detector.detect(in, new Metadata()).getBaseType().toString();
        }
    }
}
