package org.assemblyhub;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.assemblyhub.config.HubConfig;
import org.assemblyhub.store.DocumentFiles;
import org.assemblyhub.store.Documents;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.FileEventStore;
import org.assemblyhub.store.PersonKeyFiles;
import org.assemblyhub.store.PersonKeys;
import org.assemblyhub.store.SnapshotFiles;
import org.assemblyhub.store.Snapshots;
import org.assemblyhub.store.StoreOptions;
import org.assemblyhub.store.redis.RedisDocuments;
import org.assemblyhub.store.redis.RedisJournal;
import org.assemblyhub.store.redis.RedisPersonKeys;
import org.assemblyhub.store.redis.RedisSnapshots;
import org.assemblyhub.web.Version;

import java.time.Clock;

/**
 * Opens the journal store the configuration names — the file journal in the data directory (the default: a single
 * node needs nothing else), or Redis (checked for durability first) — with the snapshots that go with it.
 */
final class Stores {
    private Stores() {}

    record Opened(EventStore journal, Snapshots snapshots, PersonKeys keys, Documents documents) {}

    static Future<Opened> open(Vertx vertx, HubConfig config, StoreOptions storage, Clock clock) {
        long events = storage.snapshotEveryEvents();
        long bytes = storage.snapshotEveryBytes();
        if (config.store().isRedis()) {
            // Snapshots beside the journal: the node that takes an assembly over starts from one too.
            return RedisJournal.open(vertx, config.store())
                    .map(store -> new Opened(
                            store,
                            new RedisSnapshots(store, Version.VALUE, events, bytes),
                            new RedisPersonKeys(store),
                            new RedisDocuments(store)));
        }
        return Future.succeededFuture(new Opened(
                new FileEventStore(vertx, config.dataDir(), storage.channels(), clock),
                new SnapshotFiles(config.dataDir(), Version.VALUE, events, bytes),
                new PersonKeyFiles(config.dataDir()),
                new DocumentFiles(config.dataDir())));
    }
}
