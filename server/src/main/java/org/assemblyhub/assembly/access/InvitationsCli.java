package org.assemblyhub.assembly.access;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Map;

/**
 * The delivery officer's tool. {@code ./hub invitations keygen DIR} makes {@code officer.key} (private, 0600) and
 * {@code officer.pub} (give it to the hub's operator); {@code ./hub invitations open SEALED.json --key officer.key}
 * prints one CSV line per person ({@code id,name,link}) for letters or a mail merge.
 */
public final class InvitationsCli {
    private InvitationsCli() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args));
    }

    static int run(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("keygen")) return keygen(Path.of(args[1]));
        if (args.length == 4 && args[0].equals("open") && args[2].equals("--key"))
            return open(Path.of(args[1]), Path.of(args[3]));
        System.err.println(
                "usage: hub invitations keygen DIR\n       hub invitations open SEALED.json --key officer.key");
        return 2;
    }

    private static int keygen(Path dir) throws IOException {
        Files.createDirectories(dir);
        KeyPair pair = SealedDelivery.newKeyPair();
        Path key = dir.resolve("officer.key");
        try {
            Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(key);
        }
        Files.writeString(key, SealedDelivery.pem(pair.getPrivate()));
        Files.writeString(dir.resolve("officer.pub"), SealedDelivery.pem(pair.getPublic()));
        System.out.println("Private key: " + key + " (keep it; only it opens the invitations)");
        System.out.println("Public key:  " + dir.resolve("officer.pub") + " (give it to the hub's operator)");
        System.out.println("Fingerprint: " + SealedDelivery.fingerprint(pair.getPublic())
                + " (every screen of the assembly shows it)");
        return 0;
    }

    private static int open(Path sealed, Path keyFile) throws IOException {
        JsonObject file = new JsonObject(Files.readString(sealed));
        JsonObject envelope = file.containsKey("sealed") ? file.getJsonObject("sealed") : file;
        Map<String, String> tokens;
        try {
            tokens = SealedDelivery.open(SealedDelivery.privateKey(Files.readString(keyFile)), envelope);
        } catch (IllegalArgumentException e) {
            System.err.println("cannot open " + sealed + ": " + e.getMessage());
            return 1;
        }
        String base = envelope.getString("publicUrl", "");
        JsonArray people = envelope.getJsonArray("people", new JsonArray());
        System.out.println("id,name,link");
        for (Map.Entry<String, String> t : tokens.entrySet()) {
            String name = "";
            for (int i = 0; i < people.size(); i++) {
                if (t.getKey().equals(people.getJsonObject(i).getString("id")))
                    name = people.getJsonObject(i).getString("name", "");
            }
            System.out.println(csv(t.getKey()) + "," + csv(name) + "," + csv(base + "/join/" + t.getValue()));
        }
        return 0;
    }

    private static String csv(String cell) {
        return cell.matches("[^,\"\\n\\r]*") ? cell : "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
