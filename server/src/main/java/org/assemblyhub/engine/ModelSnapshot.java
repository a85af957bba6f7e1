package org.assemblyhub.engine;

import org.assemblyhub.kernel.Model;
import org.assemblyhub.store.Snapshots;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's model as a snapshot payload: Java serialisation of {@link org.assemblyhub.kernel.Model} and the {@link
 * KeyLog} — the
 * domain's own object graph, with no second format to keep in step with every capability.
 * <p>
 * Payload: {@code serialised stream | int n | n class names | SHA-256 of those classes' bytecode | int trailer length}.
 * The fingerprint covers every hub class in the graph, fold code included, so a snapshot written by other code — even
 * under the same version number, as happens while developing — is refused rather than read into changed classes. It
 * comes last because the classes are known only once the graph is written, and the stream goes straight to the file
 * (a model can be larger than what a small heap could hold twice). Reading checks the trailer first, then reads the
 * stream through an allow-list of classes (hub, {@code java.util}, {@code java.time}, boxed numbers) with bounded
 * depth, references and size.
 */
final class ModelSnapshot {
    private static final String HUB = "org.assemblyhub.";
    private static final int FINGERPRINT = 32;
    private static final Set<String> JDK = Set.of(
            "java.lang.Object",
            "java.lang.Enum",
            "java.lang.Number",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Short",
            "java.lang.Byte",
            "java.lang.Double",
            "java.lang.Float",
            "java.lang.Boolean",
            "java.lang.Character",
            "java.lang.String",
            "java.math.BigInteger",
            "java.math.BigDecimal");

    private ModelSnapshot() {}

    record Content(Model model, KeyLog keys) implements Serializable {}

    /** Thrown when a payload cannot be used (other code, damaged, refused class); the message says why. */
    static final class Refused extends IOException {
        Refused(String why) {
            super(why);
        }
    }

    static void write(Model model, KeyLog keys, OutputStream out) throws IOException {
        Set<Class<?>> classes = new HashSet<>();
        OutputStream kept = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the trailer follows the stream
            }
        };
        try (ObjectOutputStream objects = new ObjectOutputStream(kept) {
            @Override
            protected void annotateClass(Class<?> cl) {
                classes.add(cl);
            }
        }) {
            objects.writeObject(new Content(model, keys));
        }
        TreeSet<String> names = new TreeSet<>();
        for (Class<?> c : classes) if (c.getName().startsWith(HUB)) names.add(c.getName());
        ByteArrayOutputStream trailer = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(trailer);
        data.writeInt(names.size());
        for (String name : names) data.writeUTF(name);
        data.write(fingerprint(names));
        DataOutputStream end = new DataOutputStream(out);
        end.write(trailer.toByteArray());
        end.writeInt(trailer.size());
        end.flush();
    }

    static Content read(Snapshots files, Snapshots.Snapshot snapshot) throws IOException {
        long length = snapshot.payloadLength();
        if (length < 4) throw new Refused("it is too short");
        int trailerLength;
        try (DataInputStream in = new DataInputStream(files.payload(snapshot, length - 4))) {
            trailerLength = in.readInt();
        }
        long streamLength = length - 4 - trailerLength;
        if (trailerLength < 4 + FINGERPRINT || streamLength < 0) throw new Refused("its class list is damaged");
        try (DataInputStream trailer = new DataInputStream(files.payload(snapshot, streamLength))) {
            int count = trailer.readInt();
            if (count < 0 || count > 10_000) throw new Refused("its class list is damaged");
            TreeSet<String> names = new TreeSet<>();
            for (int i = 0; i < count; i++) {
                String name = trailer.readUTF();
                if (!name.startsWith(HUB)) throw new Refused("it names a class outside the hub: " + name);
                names.add(name);
            }
            byte[] expected = trailer.readNBytes(FINGERPRINT);
            if (!Arrays.equals(expected, fingerprint(names)))
                throw new Refused("it was written by other code (its classes changed)");
        }
        String[] refused = new String[1];
        try (InputStream stream = files.payload(snapshot, 0);
                ObjectInputStream objects = new ObjectInputStream(stream)) {
            objects.setObjectInputFilter(filter(streamLength, refused));
            return (Content) objects.readObject();
        } catch (InvalidClassException e) {
            throw new Refused(
                    refused[0] != null ? "it holds " + refused[0] + ", which a snapshot may not hold" : e.getMessage());
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new Refused("it holds something else than a model: " + e.getMessage());
        }
    }

    /** The allow-list, with limits: {@code refused[0]} names what was refused, for the log line. */
    private static ObjectInputFilter filter(long size, String[] refused) {
        return info -> {
            if (info.depth() > 1_000 || info.references() > 100_000_000L || info.streamBytes() > size) {
                refused[0] =
                        "more than a model can hold (depth " + info.depth() + ", " + info.references() + " references)";
                return ObjectInputFilter.Status.REJECTED;
            }
            Class<?> c = info.serialClass();
            if (c == null) return ObjectInputFilter.Status.UNDECIDED;
            while (c.isArray()) c = c.getComponentType();
            String name = c.getName();
            boolean allowed = c.isPrimitive()
                    || name.startsWith(HUB)
                    || name.startsWith("java.util.")
                    || name.startsWith("java.time.")
                    || JDK.contains(name);
            if (!allowed) refused[0] = name;
            return allowed ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
        };
    }

    /** SHA-256 over each class's name and bytecode, as this process has them. */
    private static byte[] fingerprint(Iterable<String> names) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ClassLoader loader = ModelSnapshot.class.getClassLoader();
        for (String name : names) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            try (InputStream bytecode = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (bytecode == null) throw new Refused("it holds a class this hub does not have: " + name);
                sha.update(bytecode.readAllBytes());
            }
        }
        return sha.digest();
    }
}
