package org.assemblyhub.web.http;

import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.store.PrivateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The hub operator's token, which creates assemblies. Set in config, or generated at first start: then it is printed
 * once and only its hash is kept ({@code <data>/bootstrap.sha256}, 0600); delete that file to get a new one.
 */
public final class BootstrapToken {
    private final String hash;

    private BootstrapToken(String hash) {
        this.hash = hash;
    }

    public record Loaded(BootstrapToken token, Optional<String> printOnce) {}

    public static Loaded load(String configured, Path dataDir, Tokens tokens) throws IOException {
        if (configured != null) return new Loaded(new BootstrapToken(Tokens.hash(configured)), Optional.empty());
        Path file = dataDir.resolve("bootstrap.sha256");
        if (Files.exists(file)) {
            PrivateFiles.restrict(file);
            return new Loaded(new BootstrapToken(Files.readString(file).trim()), Optional.empty());
        }
        String fresh = tokens.newToken("hub");
        PrivateFiles.create(dataDir);
        // Durable with its directory entry: the token is printed only once, so its hash must survive a power cut.
        PrivateFiles.writeAtomically(file, (Tokens.hash(fresh) + "\n").getBytes(StandardCharsets.US_ASCII));
        return new Loaded(new BootstrapToken(Tokens.hash(fresh)), Optional.of(fresh));
    }

    public boolean matches(String candidate) {
        if (candidate == null) return false;
        return MessageDigest.isEqual(
                hash.getBytes(StandardCharsets.US_ASCII), Tokens.hash(candidate).getBytes(StandardCharsets.US_ASCII));
    }
}
