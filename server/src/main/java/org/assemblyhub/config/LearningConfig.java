package org.assemblyhub.config;

import org.assemblyhub.learning.library.FileKind;

import java.nio.file.Path;

/**
 * The largest upload accepted for each kind of learning material, in bytes (config {@code learning.maxVideoBytes}
 * …). A 12-minute talk in 720p is about 100–200 MB; 512 MiB leaves room for longer or sharper ones. {@code
 * maxAssemblyMb}: all the files of one assembly together (a full disk would stop every journal on the hub). {@code
 * filesDir}: where uploads are kept (null: {@code <data>/files}); in a cluster, a folder every node mounts.
 */
public record LearningConfig(
        long maxVideoBytes,
        long maxPdfBytes,
        long maxMarkdownBytes,
        long maxCaptionsBytes,
        long maxAssemblyBytes,
        Path filesDir) {
    public static final LearningConfig DEFAULTS = new LearningConfig(
            FileKind.VIDEO.defaultLimit(),
            FileKind.PDF.defaultLimit(),
            FileKind.MARKDOWN.defaultLimit(),
            FileKind.CAPTIONS.defaultLimit(),
            16L * 1024 * 1024 * 1024,
            null);

    public LearningConfig(
            long maxVideoBytes, long maxPdfBytes, long maxMarkdownBytes, long maxCaptionsBytes, long maxAssemblyBytes) {
        this(maxVideoBytes, maxPdfBytes, maxMarkdownBytes, maxCaptionsBytes, maxAssemblyBytes, null);
    }

    public LearningConfig(long maxVideoBytes, long maxPdfBytes, long maxMarkdownBytes, long maxCaptionsBytes) {
        this(maxVideoBytes, maxPdfBytes, maxMarkdownBytes, maxCaptionsBytes, DEFAULTS.maxAssemblyBytes());
    }

    /** The folder uploads are kept in. */
    public Path filesRoot(Path dataDir) {
        return filesDir != null ? filesDir : dataDir.resolve("files");
    }

    public long limitOf(FileKind kind) {
        return switch (kind) {
            case VIDEO -> maxVideoBytes;
            case PDF -> maxPdfBytes;
            case MARKDOWN -> maxMarkdownBytes;
            case CAPTIONS -> maxCaptionsBytes;
        };
    }
}
