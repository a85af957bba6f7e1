package org.assemblyhub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.PersonalData;
import org.assemblyhub.kernel.PersonalField;
import org.assemblyhub.support.Jackson;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seals the personal fields of an event ({@link PersonalData}) as it goes into the journal, and opens them as it is
 * read back. Each person's fields of a record become one box — AES-256-GCM under that person's key, a fresh 96-bit
 * nonce, the assembly, seq and person as associated data (a box moved to another record or person does not open) —
 * in the envelope's {@code "sealed"} list {@code [{"person", "iv", "box"}]}; in the event's own data the fields hold
 * what stands for them once erased. A box whose key is gone (the person was erased) is left shut: the event reads
 * back with those erased values. A box that does not open with its key is damage, never skipped.
 */
final class PersonalSeals {
    static final String FIELD = "sealed";
    private static final int TAG_BITS = 128;
    private static final int IV_BYTES = 12;

    private final String assemblyId;
    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();
    /** People whose boxes were read without a key since {@link #readingFromStart}: erased — or their key was lost. */
    private final Set<String> shut = ConcurrentHashMap.newKeySet();

    PersonalSeals(String assemblyId, KeyRing keys) {
        this.assemblyId = assemblyId;
        this.keys = keys;
    }

    /** The people whose data these events hold (each needs a key before they are sealed). */
    static Set<String> owners(List<RecordedEvent> events) {
        Set<String> owners = new LinkedHashSet<>();
        for (RecordedEvent e : events) {
            if (e.event() instanceof PersonalData personal) {
                for (PersonalField f : personal.personalFields()) owners.add(f.personId());
            }
        }
        return owners;
    }

    Set<String> missingKeys(List<RecordedEvent> events) {
        return keys.missing(owners(events));
    }

    /**
     * Seals {@code event}'s personal fields in {@code data} (its JSON, changed in place); the boxes, or null when it
     * holds none. A person without a key (erased) gets no box: their fields are written erased.
     */
    ArrayNode seal(ObjectNode data, DomainEvent event, long seq) {
        if (!(event instanceof PersonalData personal)) return null;
        Map<String, ObjectNode> byPerson = new LinkedHashMap<>();
        for (PersonalField f : personal.personalFields()) {
            JsonNode value = data.at(f.pointer());
            byPerson.computeIfAbsent(f.personId(), p -> Jackson.MAPPER.createObjectNode())
                    .set(f.pointer(), value.isMissingNode() ? null : value.deepCopy());
            put(data, f.pointer(), Jackson.MAPPER.valueToTree(f.erased()));
        }
        if (byPerson.isEmpty()) return null;
        ArrayNode boxes = Jackson.MAPPER.createArrayNode();
        byPerson.forEach((person, fields) -> {
            byte[] key = keys.find(person).orElse(null);
            if (key == null) return;
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            byte[] plain;
            try {
                plain = Jackson.MAPPER.writeValueAsBytes(fields);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            boxes.addObject()
                    .put("person", person)
                    .put("iv", Base64.getEncoder().encodeToString(iv))
                    .put(
                            "box",
                            Base64.getEncoder()
                                    .encodeToString(crypt(Cipher.ENCRYPT_MODE, key, iv, seq, person, plain)));
        });
        return boxes.isEmpty() ? null : boxes;
    }

    /** Puts back into {@code data} the fields of every box whose person still has a key. */
    void open(ObjectNode data, JsonNode boxes, long seq) {
        for (JsonNode box : boxes) {
            String person = box.path("person").asText();
            byte[] key = keys.find(person).orElse(null);
            if (key == null) {
                shut.add(person); // erased (the event keeps the erased values it was written with), or key lost
                continue;
            }
            byte[] plain;
            try {
                plain = crypt(
                        Cipher.DECRYPT_MODE,
                        key,
                        Base64.getDecoder().decode(box.path("iv").asText()),
                        seq,
                        person,
                        Base64.getDecoder().decode(box.path("box").asText()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IllegalStateException(
                        "the personal data of " + person + " at seq " + seq + " does not open with their key: the"
                                + " key store does not belong with this journal (restore both from the same backup)",
                        e);
            }
            try {
                JsonNode fields = Jackson.MAPPER.readTree(plain);
                for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    put(data, f.getKey(), f.getValue());
                }
            } catch (IOException e) {
                throw new IllegalStateException("unreadable personal data at seq " + seq, e);
            }
        }
    }

    /** A replay starts: the people read without a key are counted afresh. */
    void readingFromStart() {
        shut.clear();
    }

    /** The people whose data was read without a key since the replay started. */
    Set<String> shut() {
        return Set.copyOf(shut);
    }

    private byte[] crypt(int mode, byte[] key, byte[] iv, long seq, String person, byte[] input) {
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            gcm.updateAAD((assemblyId + "\n" + seq + "\n" + person).getBytes(StandardCharsets.UTF_8));
            return gcm.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the value at a JSON pointer whose parent exists (an object's field or a list's item). */
    private static void put(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) object.set(last, value);
        else if (parent instanceof ArrayNode array) array.set(Integer.parseInt(last), value);
        else throw new IllegalStateException("no place for personal field " + pointer);
    }
}
