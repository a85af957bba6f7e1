package org.assemblyhub.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The embedded journal: one file per assembly under {@code <data>/journal/}. Each append is fsync'd before its future
 * completes; the engine batches the commands that arrive meanwhile into the next append (group commit).
 * Blocking file work runs on worker threads; each journal is guarded by its own lock.
 */
public final class FileEventStore implements EventStore {
    private static final System.Logger LOG = System.getLogger(FileEventStore.class.getName());
    private static final String SUFFIX = ".journal";

    private final Vertx vertx;
    private final Path dir;
    private final Map<String, JournalFile> open = new ConcurrentHashMap<>();

    public FileEventStore(Vertx vertx, Path dataDir) {
        this.vertx = vertx;
        this.dir = dataDir.resolve("journal");
    }

    @Override
    public Future<Void> append(String assemblyId, long expectedLastSeq, List<JournalRecord> records) {
        return vertx.executeBlocking(() -> {
            JournalFile file = journal(assemblyId);
            synchronized (file) {
                if (file.lastSeq() != expectedLastSeq) throw new SeqConflict(assemblyId, expectedLastSeq, file.lastSeq());
                file.append(records);
            }
            return null;
        }, false);
    }

    @Override
    public Future<List<JournalRecord>> read(String assemblyId, long afterSeq) {
        return vertx.executeBlocking(() -> {
            JournalFile file = journal(assemblyId);
            synchronized (file) {
                return file.readAfter(afterSeq);
            }
        }, false);
    }

    @Override
    public Future<Set<String>> assemblyIds() {
        return vertx.executeBlocking(() -> {
            Set<String> ids = new TreeSet<>();
            if (!Files.isDirectory(dir)) return ids;
            try (Stream<Path> files = Files.list(dir)) {
                // An empty journal is an assembly whose creation was refused: nothing to bring back.
                files.filter(p -> p.toFile().length() > 0)
                        .map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(SUFFIX))
                        .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                        .filter(AssemblyIds::isValid)
                        .forEach(ids::add);
            }
            return ids;
        }, false);
    }

    @Override
    public String kind() {
        return "file";
    }

    private JournalFile journal(String assemblyId) {
        AssemblyIds.require(assemblyId);
        return open.computeIfAbsent(assemblyId, id -> {
            try {
                JournalFile.Recovery recovery = JournalFile.open(dir.resolve(id + SUFFIX));
                if (recovery.droppedBytes() > 0) {
                    LOG.log(Level.WARNING, "journal {0}: dropped a torn or corrupt tail of {1} bytes at offset {2}"
                            + " (a write interrupted by a crash; it was never acknowledged)",
                            recovery.file().path(), recovery.droppedBytes(), recovery.validBytes());
                }
                return recovery.file();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Closes every journal; synchronous (closing a channel does not block) so it works after Vert.x has stopped. */
    @Override
    public Future<Void> close() {
        try {
            for (JournalFile file : open.values()) {
                synchronized (file) {
                    file.close();
                }
            }
            open.clear();
            return Future.succeededFuture();
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
    }
}
