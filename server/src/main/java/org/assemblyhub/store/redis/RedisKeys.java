package org.assemblyhub.store.redis;

import org.assemblyhub.store.AssemblyIds;

/**
 * Where an assembly lives in Redis. Its keys share a hash tag ({@code {id}}) so that the scripts touching them name
 * one slot; the set of assembly ids is the one key outside it (the hub needs a single Redis primary, not a cluster).
 */
final class RedisKeys {
    static final String PREFIX = "hub:";
    /** The ids of every assembly whose journal has at least one record. */
    static final String ASSEMBLIES = PREFIX + "assemblies";

    private RedisKeys() {}

    /** The journal: a stream whose entry ids are {@code <seq>-0}, each with the record's bytes in field {@code d}. */
    static String events(String assemblyId) {
        return PREFIX + "{" + AssemblyIds.require(assemblyId) + "}:events";
    }

    /** A hash with the journal's last {@code seq} and the owner {@code epoch} allowed to append. */
    static String head(String assemblyId) {
        return PREFIX + "{" + AssemblyIds.require(assemblyId) + "}:head";
    }

    /** The sorted set of this assembly's snapshots (member: the snapshot's name, score: its seq). */
    static String snapshots(String assemblyId) {
        return PREFIX + "{" + AssemblyIds.require(assemblyId) + "}:snapshots";
    }

    /** What a snapshot's name is appended to for its key. */
    static String snapshotPrefix(String assemblyId) {
        return PREFIX + "{" + AssemblyIds.require(assemblyId) + "}:snapshot:";
    }

    /** One snapshot, header and payload as one string (the bytes of a snapshot file, {@code SnapshotFormat}). */
    static String snapshot(String assemblyId, String name) {
        if (!name.matches("[0-9]{20}")) throw new IllegalArgumentException("not a snapshot name: " + name);
        return snapshotPrefix(assemblyId) + name;
    }

    /** A hash of this assembly's person keys (field: person id, value: the key's bytes), see PersonKeys. */
    static String personKeys(String assemblyId) {
        return PREFIX + "{" + AssemblyIds.require(assemblyId) + "}:keys";
    }
}
