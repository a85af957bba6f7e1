package org.assemblyhub.learning.domain;

import org.assemblyhub.learning.library.FileKind;

import java.io.Serializable;

/**
 * A file the hub stored for this assembly (under its data directory, by the SHA-256 of its bytes), checked by content
 * when it was uploaded. {@code pages}: a PDF's page count (0 otherwise).
 */
public record StoredFile(String hash, FileKind kind, String mediaType, long bytes, String name, int pages, String by)
        implements Serializable {}
