package org.assemblyhub.store;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The keys that seal each person's personal data in an assembly's journal (crypto-shredding): a journal keeps a
 * person's name, contact, attributes and the free text they wrote under their name only as ciphertext, and deleting
 * their key here erases all of it at once while every other byte of the journal — and its hash chain — stays as it
 * was. Kept beside the journal (files in the data directory, or in Redis with a Redis journal), backed up with it:
 * losing the keys is losing every person's data, like losing the journal. Every method blocks: call them on a worker.
 */
public interface PersonKeys {
    /** The keys (raw AES-256) of this assembly's people who are not erased, by person id. */
    Map<String, byte[]> load(String assemblyId) throws IOException;

    /** Keeps these new keys durably before returning (a record sealed under a key never outlives it). */
    void add(String assemblyId, Map<String, byte[]> keys) throws IOException;

    /** Deletes these people's keys for good, durably; says whether any was still there. */
    boolean delete(String assemblyId, Set<String> personIds) throws IOException;
}
