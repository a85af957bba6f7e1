package org.assemblyhub.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The embedded journal: one file per assembly under {@code <data>/journal/}. Each append is fsync'd before its future
 * completes; the engine batches the commands that arrive meanwhile into the next append (group commit).
 * Blocking file work runs on worker threads; each journal is guarded by its own lock.
 */
public final class FileEventStore implements EventStore {
    private static final System.Logger LOG = System.getLogger(FileEventStore.class.getName());
    public static final String DIR = "journal";
    public static final String SUFFIX = ".journal";
    /** How much of a journal a replay reads at a time under the journal's lock (appends wait at most that long). */
    private static final int CHUNK_BYTES = 1 << 20;

    private final Vertx vertx;
    private final Path dir;
    private final JournalChannels channels;
    private final DamagedCopies copies;
    private final Map<String, JournalFile> open = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public FileEventStore(Vertx vertx, Path dataDir) {
        this(vertx, dataDir, JournalChannels.DEFAULT, Clock.systemUTC());
    }

    /** {@code channels} opens each journal's channel (tests inject failing ones); {@code clock} names the copies. */
    public FileEventStore(Vertx vertx, Path dataDir, JournalChannels channels, Clock clock) {
        this.vertx = vertx;
        this.dir = dataDir.resolve(DIR);
        this.channels = channels;
        this.copies = new DamagedCopies(dir, clock);
    }

    @Override
    public Future<Void> append(String assemblyId, long expectedLastSeq, List<JournalRecord> records) {
        return vertx.executeBlocking(
                () -> {
                    JournalFile file = journal(assemblyId);
                    synchronized (file) {
                        if (file.lastSeq() != expectedLastSeq)
                            throw new SeqConflict(assemblyId, expectedLastSeq, file.lastSeq());
                        file.append(records);
                    }
                    return null;
                },
                false);
    }

    @Override
    public Future<Long> replay(String assemblyId, long afterSeq, Consumer<JournalRecord> each) {
        return vertx.executeBlocking(
                () -> {
                    JournalFile file = journal(assemblyId);
                    JournalFile.Cursor cursor;
                    synchronized (file) {
                        cursor = file.cursor(afterSeq);
                    }
                    long last = afterSeq;
                    while (true) {
                        List<JournalRecord> chunk;
                        synchronized (file) {
                            chunk = cursor.next(CHUNK_BYTES);
                        }
                        if (chunk.isEmpty()) return last;
                        for (JournalRecord record : chunk) {
                            each.accept(record);
                            last = record.seq();
                        }
                    }
                },
                false);
    }

    @Override
    public Future<Set<String>> assemblyIds() {
        return vertx.executeBlocking(
                () -> {
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
                },
                false);
    }

    @Override
    public String kind() {
        return "file";
    }

    /** The open journal; a damaged one is not kept open, so each attempt reports it again ({@link JournalDamaged}). */
    private JournalFile journal(String assemblyId) throws IOException {
        AssemblyIds.require(assemblyId);
        // Once closed, a late request must not open (and lock) a journal again that nobody would close.
        if (closed) throw new IOException("the journal store is closed (the hub is stopping)");
        try {
            return open.computeIfAbsent(assemblyId, this::openJournal);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private JournalFile openJournal(String id) {
        try {
            JournalFile.Opened opened = JournalFile.open(id, dir.resolve(id + SUFFIX), channels, copies);
            if (closed) {
                opened.file().close();
                throw new IOException("the journal store is closed (the hub is stopping)");
            }
            JournalReport report = opened.report();
            if (report.state() == JournalReport.State.TORN) {
                LOG.log(
                        Level.WARNING,
                        "journal {0}: cut a torn tail of {1} bytes at offset {2} (a write interrupted by a"
                                + " crash: it was never acknowledged); the cut bytes are kept in {3}",
                        report.file(),
                        report.tailBytes(),
                        Long.toString(report.validBytes()),
                        opened.tailCopy());
            }
            return opened.file();
        } catch (JournalDamaged e) {
            LOG.log(Level.ERROR, e.getMessage());
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes every journal; synchronous (closing a channel does not block) so it works after Vert.x has stopped. */
    @Override
    public Future<Void> close() {
        closed = true;
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
