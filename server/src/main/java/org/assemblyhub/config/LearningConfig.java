package org.assemblyhub.config;

import org.assemblyhub.learning.library.FileKind;

/**
 * The largest upload accepted for each kind of learning material, in bytes (config {@code learning.maxVideoBytes}
 * …). A 12-minute talk in 720p is about 100–200 MB; 512 MiB leaves room for longer or sharper ones.
 */
public record LearningConfig(long maxVideoBytes, long maxPdfBytes, long maxMarkdownBytes, long maxCaptionsBytes) {
    public static final LearningConfig DEFAULTS = new LearningConfig(
            FileKind.VIDEO.defaultLimit(),
            FileKind.PDF.defaultLimit(),
            FileKind.MARKDOWN.defaultLimit(),
            FileKind.CAPTIONS.defaultLimit());

    public long limitOf(FileKind kind) {
        return switch (kind) {
            case VIDEO -> maxVideoBytes;
            case PDF -> maxPdfBytes;
            case MARKDOWN -> maxMarkdownBytes;
            case CAPTIONS -> maxCaptionsBytes;
        };
    }
}
