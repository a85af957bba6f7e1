package org.assemblyhub.outreach.runtime;

import org.assemblyhub.store.PrivateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The hub's link secret: {@code <data>/link-secret}, 256 random bits made at the first start, private (0600). With it
 * the hub makes a member's link again from the nonce the journal keeps; without it (lost, or another node's) those
 * links cannot be made and messages say to use the link already received. Back it up with the journal
 * (docs/operations.md); whoever reads it can make any e-mailed link, like whoever reads the outgoing mail.
 */
final class LinkSecret {
    static final String FILE = "link-secret";

    private LinkSecret() {}

    /** The secret (blocking: read or made once at start). */
    static byte[] loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            byte[] secret = Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (secret.length < 32) throw new IOException(file + " holds fewer than 256 bits");
            return secret;
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        PrivateFiles.create(dataDir);
        PrivateFiles.writeAtomically(
                file, (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII));
        return secret;
    }

    /** A short name of the secret, in front of each nonce: a link is made again only with the secret it came from. */
    static String keyId(byte[] secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
