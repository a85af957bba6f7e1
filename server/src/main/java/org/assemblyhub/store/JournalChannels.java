package org.assemblyhub.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * Opens the channel a journal is written through. The hub uses {@link #DEFAULT}; tests pass channels that fail on
 * purpose (a write error, a failed fsync, a full disk) to check that a failed append leaves nothing behind.
 */
@FunctionalInterface
public interface JournalChannels {
    JournalChannels DEFAULT = FileChannel::open;

    FileChannel open(Path path, Set<? extends OpenOption> options) throws IOException;
}
