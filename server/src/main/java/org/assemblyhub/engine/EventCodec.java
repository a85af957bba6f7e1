package org.assemblyhub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.store.JournalChain;
import org.assemblyhub.store.JournalRecord;
import org.assemblyhub.support.Jackson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Domain events ⇄ journal bytes. The envelope is {@code {"type","at","cmd","prev","data"}} with the event's simple
 * class name as its type and {@code prev} the journal's hash-chain head before the record ({@link JournalChain});
 * records written before the chain existed have no {@code prev}. The domain stays free of serialisation annotations.
 */
public final class EventCodec {
    private final Map<String, Class<?>> types;

    /** {@code types}: every event type of the hub's capabilities; simple names must be unique across them. */
    EventCodec(Collection<Class<?>> types) {
        this.types = types.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    }

    /** A batch's records, each naming the head before it, and the head after the last one. */
    public record Encoded(List<JournalRecord> records, String head) {}

    /** The records of {@code events} chained from {@code head}, nothing sealed (tools that write journals: bench). */
    public static Encoded encode(List<RecordedEvent> events, String head) {
        return encode(events, head, null);
    }

    /**
     * The records of {@code events}, chained one after the other from the head {@code head}, personal fields sealed
     * by {@code seals} (null: none sealed).
     */
    static Encoded encode(List<RecordedEvent> events, String head, PersonalSeals seals) {
        List<JournalRecord> records = new ArrayList<>(events.size());
        for (RecordedEvent e : events) {
            JournalRecord record = encode(e, head, seals);
            records.add(record);
            head = JournalChain.next(head, record);
        }
        return new Encoded(List.copyOf(records), head);
    }

    /** The record of {@code e}, following the chain head {@code prev}. */
    static JournalRecord encode(RecordedEvent e, String prev, PersonalSeals seals) {
        ObjectNode envelope = Jackson.MAPPER.createObjectNode();
        envelope.put("type", e.event().getClass().getSimpleName());
        envelope.put("at", e.at().toString());
        if (e.commandKey() != null) envelope.put("cmd", e.commandKey());
        envelope.put("prev", prev);
        ObjectNode data = Jackson.MAPPER.valueToTree(e.event());
        ArrayNode sealed = seals == null ? null : seals.seal(data, e.event(), e.seq());
        envelope.set("data", data);
        if (sealed != null) envelope.set(PersonalSeals.FIELD, sealed);
        try {
            return new JournalRecord(e.seq(), Jackson.MAPPER.writeValueAsBytes(envelope));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** An event read back with the chain head its record names (null in records from before the chain). */
    public record Chained(RecordedEvent recorded, String prev) {}

    /** The event of {@code record} as anyone without the person keys reads it: personal fields as erased. */
    public RecordedEvent decode(JournalRecord record) {
        return decodeChained(record, null).recorded();
    }

    /** The event of {@code record}, personal fields opened by {@code seals} (null: left as erased). */
    Chained decodeChained(JournalRecord record, PersonalSeals seals) {
        try {
            JsonNode envelope = Jackson.MAPPER.readTree(record.data());
            JsonNode sealed = envelope.get(PersonalSeals.FIELD);
            if (sealed != null && seals != null && envelope.get("data") instanceof ObjectNode data) {
                seals.open(data, sealed, record.seq());
            }
            String type = envelope.path("type").asText();
            Class<?> cls = types.get(type);
            if (cls == null)
                throw new IllegalStateException("unknown event type '" + type + "' at seq " + record.seq());
            DomainEvent event = (DomainEvent) Jackson.MAPPER.treeToValue(envelope.get("data"), cls);
            String cmd = envelope.hasNonNull("cmd") ? envelope.get("cmd").asText() : null;
            String prev = envelope.hasNonNull("prev") ? envelope.get("prev").asText() : null;
            return new Chained(
                    new RecordedEvent(
                            record.seq(), Instant.parse(envelope.path("at").asText()), cmd, event),
                    prev);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot decode journal record " + record.seq(), ex);
        }
    }
}
