package org.assemblyhub.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.CRC32C;

/**
 * Copies put aside in {@code <journal dir>/damaged/} before anything is cut, so that no byte of a journal is ever
 * thrown away unseen: a torn tail ({@code <id>-<UTC time>.tail}), a damaged journal kept whole
 * ({@code <id>-<UTC time>.journal}), what an operator cut ({@code <id>-<UTC time>.cut}). Each copy is fsync'd with its
 * directory entry before the journal is changed. Copies are read through the journal's own channel: opening the
 * journal a second time and closing it would drop the lock this process holds on it.
 */
final class DamagedCopies {
    static final String DIR = "damaged";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;

    DamagedCopies(Path journalDir, Clock clock) {
        this.dir = journalDir.resolve(DIR);
        this.clock = clock;
    }

    /** Copies bytes {@code from}..{@code to} of the journal; returns the copy. */
    Path keep(FileChannel journal, String assemblyId, long from, long to, String suffix) throws IOException {
        PrivateFiles.directory(dir);
        String stamp = TIME.format(clock.instant());
        for (int attempt = 0; ; attempt++) {
            Path copy = dir.resolve(assemblyId + "-" + stamp + (attempt == 0 ? "" : "-" + attempt) + "." + suffix);
            try (FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                PrivateFiles.restrict(copy);
                long pos = from;
                while (pos < to) pos += journal.transferTo(pos, to - pos, out);
                out.force(true);
            } catch (FileAlreadyExistsException e) {
                continue; // two copies in the same millisecond
            }
            PrivateFiles.fsyncDirectory(dir);
            return copy;
        }
    }

    /**
     * Keeps the whole journal, unless an identical copy was kept already (a damaged journal is found again at each
     * start until someone repairs it: one copy is enough).
     */
    Path keepWhole(FileChannel journal, String assemblyId) throws IOException {
        long size = journal.size();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> copies = Files.newDirectoryStream(dir, assemblyId + "-*.journal")) {
                Long journalCrc = null;
                for (Path copy : copies) {
                    if (Files.size(copy) != size) continue;
                    if (journalCrc == null) journalCrc = crc(journal, size);
                    try (FileChannel other = FileChannel.open(copy, StandardOpenOption.READ)) {
                        if (crc(other, size) == journalCrc) return copy;
                    }
                }
            }
        }
        return keep(journal, assemblyId, 0, size, "journal");
    }

    private static long crc(FileChannel channel, long size) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        long pos = 0;
        while (pos < size) {
            buffer.clear();
            int n = channel.read(buffer, pos);
            if (n < 0) break;
            buffer.flip();
            crc.update(buffer);
            pos += n;
        }
        return crc.getValue();
    }
}
