package org.assemblyhub.learning.library;

import java.nio.file.Path;

/**
 * A file now in the store under its hash. {@code existed}: the same bytes were already there before this upload (so
 * undoing this upload must not remove them).
 */
public record SavedFile(String hash, Path path, long bytes, boolean existed) {}
