package org.assemblyhub.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Person keys in {@code <data>/keys/<assembly>.keys} (0600, in a 0700 folder): one line {@code <personId> <key,
 * base64>} per person, the file replaced whole and atomically (written, fsync'd, renamed, folder fsync'd) on every
 * change, so a crash leaves the old keys or the new ones, never half. An erased key is gone from the file the hub
 * reads; copies of older versions (backups, a filesystem's free blocks) are the operator's to rotate
 * (docs/operations.md). Callers serialise changes per assembly (its engine does).
 */
public final class PersonKeyFiles implements PersonKeys {
    public static final String DIR = "keys";
    private static final String SUFFIX = ".keys";

    private final Path dir;

    public PersonKeyFiles(Path dataDir) {
        this.dir = dataDir.resolve(DIR);
    }

    public Path file(String assemblyId) {
        return dir.resolve(AssemblyIds.require(assemblyId) + SUFFIX);
    }

    @Override
    public Map<String, byte[]> load(String assemblyId) throws IOException {
        Path file = file(assemblyId);
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (!Files.exists(file)) return keys;
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) continue;
            int space = line.indexOf(' ');
            if (space <= 0) throw new IOException(file + ": line " + n + " is not '<person> <key>'");
            try {
                keys.put(
                        line.substring(0, space),
                        Base64.getDecoder().decode(line.substring(space + 1).trim()));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": line " + n + " has no valid key", e);
            }
        }
        return keys;
    }

    @Override
    public void add(String assemblyId, Map<String, byte[]> added) throws IOException {
        Map<String, byte[]> keys = load(assemblyId);
        keys.putAll(added);
        write(assemblyId, keys);
    }

    @Override
    public boolean delete(String assemblyId, Set<String> personIds) throws IOException {
        Map<String, byte[]> keys = load(assemblyId);
        if (!keys.keySet().removeAll(personIds)) return false;
        write(assemblyId, keys);
        return true;
    }

    private void write(String assemblyId, Map<String, byte[]> keys) throws IOException {
        PrivateFiles.directory(dir);
        StringBuilder text = new StringBuilder();
        keys.forEach((person, key) -> text.append(person)
                .append(' ')
                .append(Base64.getEncoder().encodeToString(key))
                .append('\n'));
        PrivateFiles.writeAtomically(file(assemblyId), text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
