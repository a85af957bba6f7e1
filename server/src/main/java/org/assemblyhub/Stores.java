package org.assemblyhub;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.assemblyhub.config.HubConfig;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.FileEventStore;
import org.assemblyhub.store.SnapshotFiles;
import org.assemblyhub.store.StoreOptions;
import org.assemblyhub.store.redis.RedisJournal;
import org.assemblyhub.web.Version;

import java.time.Clock;

/**
 * Opens the journal store the configuration names — the file journal in the data directory (the default: a single
 * node needs nothing else), or Redis (checked for durability first) — with the snapshots that go with it.
 */
final class Stores {
    private Stores() {}

    record Opened(EventStore journal, SnapshotFiles snapshots) {}

    static Future<Opened> open(Vertx vertx, HubConfig config, StoreOptions storage, Clock clock) {
        SnapshotFiles snapshots = new SnapshotFiles(
                config.dataDir(), Version.VALUE, storage.snapshotEveryEvents(), storage.snapshotEveryBytes());
        if (config.store().isRedis()) {
            return RedisJournal.open(vertx, config.store()).map(store -> new Opened(store, snapshots));
        }
        return Future.succeededFuture(
                new Opened(new FileEventStore(vertx, config.dataDir(), storage.channels(), clock), snapshots));
    }
}
