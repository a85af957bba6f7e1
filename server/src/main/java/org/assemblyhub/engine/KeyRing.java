package org.assemblyhub.engine;

import org.assemblyhub.store.PersonKeys;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An assembly's person keys in memory, in step with where they are kept ({@link PersonKeys}): a key is added here
 * only once it is durable, and removed only once its deletion is. Read from the engine's thread and from the worker
 * that replays the journal; changed by one engine at a time. The blocking methods run on workers.
 */
final class KeyRing {
    static final int KEY_BYTES = 32;

    private final String assemblyId;
    private final PersonKeys kept;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    KeyRing(String assemblyId, PersonKeys kept) {
        this.assemblyId = assemblyId;
        this.kept = kept;
    }

    /** Reads the kept keys (blocking). */
    void load() throws IOException {
        Map<String, byte[]> loaded = kept.load(assemblyId);
        keys.clear();
        keys.putAll(loaded);
    }

    Optional<byte[]> find(String personId) {
        return Optional.ofNullable(keys.get(personId));
    }

    /** Those of {@code personIds} who have no key yet (erased people included: they never get one again). */
    Set<String> missing(Collection<String> personIds) {
        Set<String> missing = new LinkedHashSet<>();
        for (String id : personIds) if (!keys.containsKey(id)) missing.add(id);
        return missing;
    }

    /** Makes a new key for each of these people and keeps them durably before anything is sealed with them. */
    void create(Set<String> personIds) throws IOException {
        Map<String, byte[]> made = new LinkedHashMap<>();
        for (String id : personIds) {
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            made.put(id, key);
        }
        kept.add(assemblyId, made);
        keys.putAll(made);
    }

    /** Deletes these people's keys for good (durably first); says whether any was still kept. */
    boolean erase(Set<String> personIds) throws IOException {
        boolean any = kept.delete(assemblyId, personIds);
        personIds.forEach(keys::remove);
        return any;
    }
}
