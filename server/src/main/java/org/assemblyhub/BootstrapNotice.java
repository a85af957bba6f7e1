package org.assemblyhub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Tells the operator a newly generated bootstrap token without ever writing it to a log: on an interactive terminal
 * it is printed; otherwise (a service whose output goes to journald or a log file) it is written to a file only the
 * hub's user can read, and the output names the file.
 */
final class BootstrapNotice {
    static final String FILE = "bootstrap-token.txt";

    private BootstrapNotice() {}

    static void show(String token, Path dataDir, boolean interactive) {
        Path hash = dataDir.resolve("bootstrap.sha256");
        if (interactive) {
            System.out.println(
                    """

                    Bootstrap token (shown only now; it creates assemblies — keep it safe):
                      %s
                    Lost it? Stop the hub, delete %s and start again.
                    """
                            .formatted(token, hash));
            return;
        }
        Path file = dataDir.resolve(FILE);
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, token + "\n", StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bootstrap token to " + file, e);
        }
        System.out.println("A bootstrap token was generated (it creates assemblies). It is in " + file
                + " (readable by this user only): copy it somewhere safe, then delete that file.");
    }
}
