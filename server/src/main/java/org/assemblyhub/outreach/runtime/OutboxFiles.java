package org.assemblyhub.outreach.runtime;

import org.assemblyhub.outreach.domain.Outbox;
import org.assemblyhub.outreach.domain.OutboxRecord;
import org.assemblyhub.store.PrivateFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The outboxes on disk: {@code <data>/outreach/<assemblyId>.jsonl}, private (0600), one record a line, appended and
 * fsync'd before anything is said or sent on the strength of it. Blocking: called from workers only.
 */
final class OutboxFiles {
    private static final Logger LOG = Logger.getLogger(OutboxFiles.class.getName());
    private static final String SUFFIX = ".jsonl";
    private final Path dir;

    OutboxFiles(Path dataDir) {
        this.dir = dataDir.resolve("outreach");
    }

    /** Each assembly that has an outbox, with its records in order; a torn last line is left out. */
    Map<String, List<OutboxRecord>> readAll() throws IOException {
        Map<String, List<OutboxRecord>> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .toList()) {
                String name = file.getFileName().toString();
                out.put(name.substring(0, name.length() - SUFFIX.length()), read(file));
            }
        }
        return out;
    }

    private static List<OutboxRecord> read(Path file) throws IOException {
        List<OutboxRecord> records = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            try {
                records.add(OutboxJson.decode(lines.get(i)));
            } catch (IllegalArgumentException e) {
                // Only the last line can be torn by a crash; it was never acted on (nothing is sent before the fsync).
                LOG.log(Level.WARNING, "outbox {0}: line {1} unreadable, left out", new Object[] {file, i + 1});
            }
        }
        return records;
    }

    /** Appends the records and forces them to disk; a new file is made private and its directory entry durable. */
    void append(String assemblyId, List<OutboxRecord> records) throws IOException {
        PrivateFiles.directory(dir);
        Path file = dir.resolve(assemblyId + SUFFIX);
        boolean fresh = !Files.exists(file);
        StringBuilder text = new StringBuilder();
        // A torn line left by a crash is ended first, so the next record starts on a line of its own.
        if (!fresh && Files.size(file) > 0 && !endsWithNewline(file)) text.append('\n');
        for (OutboxRecord r : records) text.append(OutboxJson.encode(r)).append('\n');
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            if (fresh) PrivateFiles.restrict(file);
            ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) out.write(buffer);
            out.force(true);
        }
        if (fresh) PrivateFiles.fsyncDirectory(dir);
    }

    /**
     * Rewrites the outbox without these people's addresses, nor the servers' words about their messages (a bounce
     * names the address): what an erasure of their personal data asks. Replaced whole and atomically; the records it
     * holds now.
     */
    List<OutboxRecord> forget(String assemblyId, Set<String> people) throws IOException {
        Path file = dir.resolve(assemblyId + SUFFIX);
        if (!Files.exists(file)) return List.of();
        List<OutboxRecord> records = read(file);
        Set<String> theirs = new HashSet<>();
        List<OutboxRecord> kept = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (OutboxRecord r : records) {
            OutboxRecord k = r;
            if (r instanceof OutboxRecord.Queued q && people.contains(q.personId())) {
                theirs.add(q.id());
                k = new OutboxRecord.Queued(
                        q.id(),
                        q.kind(),
                        q.personId(),
                        q.channel(),
                        null,
                        q.language(),
                        q.sessionId(),
                        q.note(),
                        q.at());
            } else if (theirs.contains(r.id()) && r instanceof OutboxRecord.Failed f) {
                k = new OutboxRecord.Failed(f.id(), null, f.retryAt(), f.at());
            } else if (theirs.contains(r.id()) && r instanceof OutboxRecord.Bounced b) {
                k = new OutboxRecord.Bounced(b.id(), null, b.at());
            } else if (theirs.contains(r.id()) && r instanceof OutboxRecord.Dropped d) {
                k = new OutboxRecord.Dropped(d.id(), Outbox.ERASED, d.at());
            }
            kept.add(k);
            text.append(OutboxJson.encode(k)).append('\n');
        }
        PrivateFiles.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
        return kept;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, in.size() - 1);
            return last.get(0) == '\n';
        }
    }
}
