package org.assemblyhub.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.store.JournalChain;
import org.assemblyhub.support.Jackson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;

/**
 * Reads and rewrites a journal file the way an attacker with disk access could: records are re-checksummed, so the
 * journal's checksums still hold — its hash chain tells, unless the attacker also re-chains it ({@link #rechain}),
 * and then only a head published before (or the ballot chain) can tell.
 */
public final class JournalEditor {
    private static final int CONTINUES = 1 << 30;

    private JournalEditor() {}

    public static Path journal(Path dataDir, String assemblyId) {
        return dataDir.resolve("journal").resolve(assemblyId + ".journal");
    }

    /** Every record's data, as text. */
    public static List<String> records(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file));
        while (buffer.remaining() >= 8) {
            int length = buffer.getInt() & ~CONTINUES;
            buffer.getInt();
            buffer.getLong();
            byte[] data = new byte[length - 8];
            buffer.get(data);
            out.add(new String(data, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Rewrites each record's data through {@code edit}, with valid checksums. */
    public static void rewrite(Path file, UnaryOperator<String> edit) throws IOException {
        rewrite(file, (seq, data) -> edit.apply(data));
    }

    /**
     * Makes every record name the head before it again (after an edit), so that the journal's own chain holds: what
     * an attacker who knows the format does.
     */
    public static void rechain(Path file, String assemblyId) throws IOException {
        String[] head = {JournalChain.genesis(assemblyId)};
        rewrite(file, (seq, data) -> {
            try {
                ObjectNode envelope = (ObjectNode) Jackson.MAPPER.readTree(data);
                envelope.put("prev", head[0]);
                String chained = Jackson.MAPPER.writeValueAsString(envelope);
                head[0] = JournalChain.next(head[0], seq, chained.getBytes(StandardCharsets.UTF_8));
                return chained;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Rewrites each record's data through {@code edit} (given its seq), with valid checksums. */
    public static void rewrite(Path file, BiFunction<Long, String, String> edit) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (in.remaining() >= 8) {
            int word = in.getInt();
            in.getInt();
            long seq = in.getLong();
            byte[] data = new byte[(word & ~CONTINUES) - 8];
            in.get(data);
            byte[] edited =
                    edit.apply(seq, new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            ByteBuffer body =
                    ByteBuffer.allocate(8 + edited.length).putLong(seq).put(edited);
            body.flip();
            CRC32C crc = new CRC32C();
            crc.update(body.duplicate());
            ByteBuffer record = ByteBuffer.allocate(8 + body.remaining());
            record.putInt(body.remaining() | (word & CONTINUES))
                    .putInt((int) crc.getValue())
                    .put(body);
            out.write(record.array());
        }
        Files.write(file, out.toByteArray());
    }
}
