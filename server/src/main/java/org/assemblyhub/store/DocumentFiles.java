package org.assemblyhub.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Documents as files {@code <data>/<kind>/<id>.json} (0600 in 0700 folders), each replaced atomically. */
public final class DocumentFiles implements Documents {
    private static final String SUFFIX = ".json";

    private final Path dataDir;

    public DocumentFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    private Path file(String kind, String id) {
        return dataDir.resolve(AssemblyIds.require(kind)).resolve(AssemblyIds.require(id) + SUFFIX);
    }

    @Override
    public Optional<byte[]> get(String kind, String id) throws IOException {
        Path file = file(kind, id);
        return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    @Override
    public void put(String kind, String id, byte[] content) throws IOException {
        Path file = file(kind, id);
        PrivateFiles.directory(file.getParent());
        PrivateFiles.writeAtomically(file, content);
    }

    /** One node has the data directory (its lock): a check and a write under this object's monitor are atomic. */
    @Override
    public synchronized boolean replace(String kind, String id, byte[] expected, byte[] content) throws IOException {
        Optional<byte[]> now = get(kind, id);
        boolean same = expected == null ? now.isEmpty() : now.isPresent() && Arrays.equals(now.get(), expected);
        if (!same) return false;
        put(kind, id, content);
        return true;
    }

    @Override
    public List<String> ids(String kind) throws IOException {
        Path dir = dataDir.resolve(AssemblyIds.require(kind));
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .sorted()
                    .toList();
        }
    }
}
