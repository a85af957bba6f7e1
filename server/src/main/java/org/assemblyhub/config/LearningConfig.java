package org.assemblyhub.config;

import org.assemblyhub.learning.library.FileKind;

/**
 * The largest upload accepted for each kind of learning material, in bytes (config {@code learning.maxVideoBytes}
 * …). A 12-minute talk in 720p is about 100–200 MB; 512 MiB leaves room for longer or sharper ones. {@code
 * maxAssemblyMb}: all the files of one assembly together (a full disk would stop every journal on the hub).
 */
public record LearningConfig(
        long maxVideoBytes, long maxPdfBytes, long maxMarkdownBytes, long maxCaptionsBytes, long maxAssemblyBytes) {
    public static final LearningConfig DEFAULTS = new LearningConfig(
            FileKind.VIDEO.defaultLimit(),
            FileKind.PDF.defaultLimit(),
            FileKind.MARKDOWN.defaultLimit(),
            FileKind.CAPTIONS.defaultLimit(),
            16L * 1024 * 1024 * 1024);

    public LearningConfig(long maxVideoBytes, long maxPdfBytes, long maxMarkdownBytes, long maxCaptionsBytes) {
        this(maxVideoBytes, maxPdfBytes, maxMarkdownBytes, maxCaptionsBytes, DEFAULTS.maxAssemblyBytes());
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
