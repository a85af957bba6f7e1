package org.assemblyhub.sortition.desk;

import org.assemblyhub.store.PrivateFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Where an assembly's selection lives in the data directory: {@code private/} (the pool with its contacts, the
 * quotas, the settings, the distribution found, who was seated under which roster id — never served),
 * {@code staging/} (a commitment being recorded) and {@code public/} (the published files, served to anyone once
 * the assembly has recorded them). Every file is written whole (a temporary file, then a rename).
 */
final class DeskFolder {
    static final String PEOPLE = "people.csv";
    static final String QUOTAS = "quotas.csv";
    static final String SETTINGS = "settings.toml";
    static final String DISTRIBUTION = "distribution.txt";
    static final String SEATED = "seated.csv";
    /** Roster ids given to people the assembly is adding, before it answered (see {@code Seats#rows}). */
    static final String SEATING = "seating.csv";

    private final Path root;

    DeskFolder(Path root) {
        this.root = root;
    }

    Path inputs() {
        return root.resolve("private");
    }

    Path staging() {
        return root.resolve("staging");
    }

    Path published() {
        return root.resolve("public");
    }

    /** Written readable by the hub's user only (0600 in 0700 folders): the private inputs hold contacts. */
    void write(Path file, String text) {
        try {
            PrivateFiles.directory(root);
            PrivateFiles.directory(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            PrivateFiles.restrict(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean committed() {
        return Files.isRegularFile(published().resolve("commitment.json"));
    }

    boolean drawn() {
        return Files.isRegularFile(published().resolve("draw.txt"));
    }

    /** The staged commitment becomes the published one (one rename: readers see all of it or nothing). */
    void publishStaged() {
        try {
            Files.move(staging(), published(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void removeStaged() {
        delete(staging());
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
