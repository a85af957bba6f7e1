package org.assemblyhub.learning.library;

/**
 * An upload the hub will not keep, with the code the client translates and a message in plain English. Expected, so
 * it carries no stack trace.
 */
public final class FileRefused extends Exception {
    private final String code;

    private FileRefused(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static FileRefused tooLarge(FileKind kind, long limit) {
        return new FileRefused(
                "upload-too-large",
                "This " + kind.wireName() + " file is larger than the hub accepts (" + readable(limit) + " at most).");
    }

    public static FileRefused wrongType(FileKind kind, String found) {
        return new FileRefused(
                "upload-wrong-type",
                "This file is not a " + expected(kind) + " (its content looks like " + found + ").");
    }

    public static FileRefused pdfUnreadable(String why) {
        return new FileRefused("pdf-unreadable", "This PDF cannot be read: " + why);
    }

    public static FileRefused markdownUnsafe(String why) {
        return new FileRefused("markdown-unsafe", "This Markdown file cannot be published: " + why);
    }

    public static FileRefused captionsInvalid(String why) {
        return new FileRefused("captions-invalid", "These captions are not valid WebVTT: " + why);
    }

    private static String expected(FileKind kind) {
        return switch (kind) {
            case VIDEO -> "video in MP4 or WebM format";
            case PDF -> "PDF document";
            case MARKDOWN -> "Markdown text in UTF-8";
            case CAPTIONS -> "WebVTT captions file";
        };
    }

    static String readable(long bytes) {
        long mib = 1024L * 1024;
        if (bytes >= mib && bytes % mib == 0) return bytes / mib + " MiB";
        if (bytes >= 1024 && bytes % 1024 == 0) return bytes / 1024 + " KiB";
        return bytes + " bytes";
    }
}
