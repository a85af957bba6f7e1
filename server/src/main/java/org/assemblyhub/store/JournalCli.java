package org.assemblyhub.store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code ./hub journal check DIR|FILE} — the state of every journal, read-only (safe while a hub runs); exit code 1
 * when a journal is damaged. {@code ./hub journal cut FILE OFFSET} — the operator's decision to give up what follows
 * damage: only at the offset {@code check} names (where the whole journal ends), only while no hub holds the file, and
 * only after a copy of the cut bytes is kept. {@code ./hub verify journal DIR|FILE [--head HASH]} — checks every record
 * and the hash chain over them ({@link JournalChain}), names the first break, and says whether a published head is
 * in the journal; exit code 1 on damage, a break, or a published head that is not there.
 */
public final class JournalCli {
    static final int OK = 0;
    static final int DAMAGED = 1;
    static final int USAGE = 2;

    private JournalCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 2 && args[0].equals("check")) return check(Path.of(args[1]), out);
            if (args.length >= 2 && args[0].equals("verify")) return verify(args, out, err);
            if (args.length == 3 && args[0].equals("cut"))
                return cut(Path.of(args[1]), Long.parseLong(args[2]), out, err);
        } catch (NumberFormatException e) {
            err.println("journal cut: OFFSET must be a number of bytes");
            return USAGE;
        } catch (IOException e) {
            err.println("journal: " + e.getMessage());
            return USAGE;
        }
        err.println(
                "usage: ./hub journal check DIR|FILE     state of each journal (read-only; exit 1 if one is damaged)");
        err.println(
                "       ./hub journal cut FILE OFFSET    cut a damaged journal where check says it is whole (keeps a copy)");
        err.println(
                "       ./hub verify journal DIR|FILE [--allow-unchained]   check the records and their hash chain");
        err.println(
                "       ./hub verify journal FILE --head HASH [--allow-unchained]   … and that HASH is one of its heads");
        return USAGE;
    }

    private static int check(Path target, PrintStream out) throws IOException {
        List<Path> files = journals(target);
        if (files.isEmpty()) {
            out.println("no journal in " + target);
            return OK;
        }
        int status = OK;
        for (Path file : files) {
            JournalReport report;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                report = JournalScan.scan(file, channel, null);
            }
            out.println(file.getFileName() + ": " + report.describe());
            Path refused = file.resolveSibling(file.getFileName() + JournalFile.REFUSED);
            if (Files.exists(refused)) {
                out.println("  an append failed and could not be undone: bytes after offset "
                        + Files.readString(refused).trim() + " were refused and are cut at the next start");
            }
            if (report.state() == JournalReport.State.DAMAGED) {
                status = DAMAGED;
                out.println("  restore it from a backup, or give up what follows the damage: ./hub journal cut " + file
                        + " " + report.validBytes());
            }
        }
        return status;
    }

    /**
     * A journal whose records name no head cannot be checked: stripping every record's head would pass for a journal
     * from before the chain. It fails unless the operator says it may be such a journal ({@code --allow-unchained}).
     */
    private static int verify(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path target = Path.of(args[1]);
        String published = null;
        boolean allowUnchained = false;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--allow-unchained")) allowUnchained = true;
            else if (args[i].equals("--head") && i + 1 < args.length) published = args[++i].toLowerCase();
            else return usage(err, "verify journal: unknown option " + args[i]);
        }
        if (published != null && !Files.isRegularFile(target)) {
            return usage(err, "verify journal: a published head belongs to one assembly: name its journal FILE");
        }
        return verify(target, published, allowUnchained, out);
    }

    private static int usage(PrintStream err, String message) {
        err.println(message);
        return USAGE;
    }

    private static int verify(Path target, String published, boolean allowUnchained, PrintStream out)
            throws IOException {
        List<Path> files = journals(target);
        if (files.isEmpty()) {
            out.println("no journal in " + target);
            return published == null ? OK : DAMAGED;
        }
        int status = OK;
        boolean pinned = false;
        for (Path file : files) {
            String assemblyId = assemblyIdOf(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                JournalReport report = JournalScan.scan(file, channel, null);
                out.println(file.getFileName() + ": " + report.describe());
                if (report.state() == JournalReport.State.DAMAGED) status = DAMAGED;
                // A torn tail was never acknowledged: the chain is checked over what is whole.
                ChainCheck.Result chain = ChainCheck.check(assemblyId, file, channel, report.validBytes(), published);
                chain.describe(published).forEach(line -> out.println("  " + line));
                if (!chain.ok()) status = DAMAGED;
                if (chain.ok() && chain.unchained() > 0 && !allowUnchained) {
                    out.println(
                            "  " + chain.unchained() + " records name no head and cannot be checked: if this journal"
                                    + " is from before the chain, say so with --allow-unchained");
                    status = DAMAGED;
                }
                pinned |= chain.pinnedAt() > 0;
            }
        }
        if (published != null && !pinned) status = DAMAGED;
        out.println(status == OK ? "OK" : "NOT OK");
        return status;
    }

    private static String assemblyIdOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(FileEventStore.SUFFIX)
                ? name.substring(0, name.length() - FileEventStore.SUFFIX.length())
                : name;
    }

    /** A journal file, or every journal of a journal directory or of a data directory. */
    private static List<Path> journals(Path target) throws IOException {
        if (Files.isRegularFile(target)) return List.of(target);
        Path dir = Files.isDirectory(target.resolve(FileEventStore.DIR)) ? target.resolve(FileEventStore.DIR) : target;
        if (!Files.isDirectory(dir)) throw new IOException("no such file or directory: " + target);
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(
                            p -> p.getFileName().toString().endsWith(FileEventStore.SUFFIX) && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
    }

    private static int cut(Path file, long offset, PrintStream out, PrintStream err) throws IOException {
        String name = file.getFileName().toString();
        String assemblyId = assemblyIdOf(file);
        LockedFile locked;
        try {
            locked = LockedFile.open(
                    file, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE), JournalChannels.DEFAULT);
        } catch (LockedFile.InUse e) {
            if (e.channel != null) e.channel.close();
            err.println("journal cut: " + file + " is open in a running hub; stop the hub first");
            return USAGE;
        }
        try (locked) {
            FileChannel channel = locked.channel();
            JournalReport report = JournalScan.scan(file, channel, null);
            if (report.state() == JournalReport.State.OK) {
                out.println(name + ": " + report.describe() + " — nothing to cut");
                return OK;
            }
            if (offset != report.validBytes()) {
                err.println("journal cut: " + name + " is whole up to offset " + report.validBytes() + ", not " + offset
                        + "; run ./hub journal check " + file + " and cut where it says");
                return USAGE;
            }
            Path copy = new DamagedCopies(file.toAbsolutePath().getParent(), Clock.systemUTC())
                    .keep(channel, assemblyId, offset, report.totalBytes(), "cut");
            channel.truncate(offset);
            channel.force(true);
            out.printf(
                    "%s: cut %,d bytes at offset %d (%,d valid records were after the damage); what was cut is kept in %s%n",
                    name, report.tailBytes(), offset, report.validRecordsAfter(), copy);
            return OK;
        }
    }
}
