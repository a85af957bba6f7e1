package org.assemblyhub.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Small hub-wide documents that are not an assembly's (organisations and their administrators): each a few kilobytes
 * of bytes under a kind and an id, replaced whole and durably. Kept in the data directory, or in Redis with a Redis
 * journal so that every node of a cluster reads the same. Every method blocks: call them on a worker.
 */
public interface Documents {
    Optional<byte[]> get(String kind, String id) throws IOException;

    /** Replaces the document whole, durably before returning. */
    void put(String kind, String id, byte[] content) throws IOException;

    /**
     * Replaces the document whole only if it is still {@code expected} (null: only if there is none), atomically —
     * across the nodes of a cluster too — and durably before returning; false, changing nothing, when it is not.
     */
    boolean replace(String kind, String id, byte[] expected, byte[] content) throws IOException;

    List<String> ids(String kind) throws IOException;
}
