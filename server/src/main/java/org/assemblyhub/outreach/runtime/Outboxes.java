package org.assemblyhub.outreach.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.assemblyhub.outreach.domain.Outbox;
import org.assemblyhub.outreach.domain.OutboxRecord;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every assembly's outbox, in memory on the outreach's context and on disk: a record changes the outbox in memory only
 * once it is on disk, so nothing is said or sent that a crash could take back. Writes run one at a time on a worker.
 */
final class Outboxes {
    private final Vertx vertx;
    private final OutboxFiles files;
    private final Map<String, Outbox> outboxes = new TreeMap<>();

    Outboxes(Vertx vertx, Path dataDir) {
        this.vertx = vertx;
        this.files = new OutboxFiles(dataDir);
    }

    /** Reads what the files hold (at start). */
    Future<Void> load() {
        return vertx.executeBlocking(files::readAll, true).map(all -> {
            all.forEach((id, records) -> outboxes.put(id, Outbox.of(records)));
            return null;
        });
    }

    Outbox of(String assemblyId) {
        return outboxes.computeIfAbsent(assemblyId, id -> new Outbox());
    }

    /** Assemblies with an outbox (some message, or reminders set). */
    List<String> assemblies() {
        return List.copyOf(outboxes.keySet());
    }

    /** Forgets these people's addresses on disk, then in memory (an erasure). */
    Future<Void> forget(String assemblyId, Set<String> people) {
        return vertx.executeBlocking(() -> files.forget(assemblyId, people), true)
                .map(records -> {
                    outboxes.put(assemblyId, Outbox.of(records));
                    return null;
                });
    }

    /** Durable first, then in memory. */
    Future<Void> record(String assemblyId, List<OutboxRecord> records) {
        if (records.isEmpty()) return Future.succeededFuture();
        return vertx.<Void>executeBlocking(
                        () -> {
                            files.append(assemblyId, records);
                            return null;
                        },
                        true)
                .onSuccess(done -> records.forEach(of(assemblyId)::evolve));
    }
}
