package org.assemblyhub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.store.JournalRecord;
import org.assemblyhub.support.Jackson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Domain events ⇄ journal bytes. The envelope is {@code {"type","at","cmd","data"}} with the event's simple class
 * name as its type; the domain stays free of serialisation annotations.
 */
public final class EventCodec {
    private final Map<String, Class<?>> types;

    /** {@code types}: every event type of the hub's capabilities; simple names must be unique across them. */
    EventCodec(Collection<Class<?>> types) {
        this.types = types.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    }

    public static JournalRecord encode(RecordedEvent e) {
        ObjectNode envelope = Jackson.MAPPER.createObjectNode();
        envelope.put("type", e.event().getClass().getSimpleName());
        envelope.put("at", e.at().toString());
        if (e.commandKey() != null) envelope.put("cmd", e.commandKey());
        envelope.set("data", Jackson.MAPPER.valueToTree(e.event()));
        try {
            return new JournalRecord(e.seq(), Jackson.MAPPER.writeValueAsBytes(envelope));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public RecordedEvent decode(JournalRecord record) {
        try {
            JsonNode envelope = Jackson.MAPPER.readTree(record.data());
            String type = envelope.path("type").asText();
            Class<?> cls = types.get(type);
            if (cls == null)
                throw new IllegalStateException("unknown event type '" + type + "' at seq " + record.seq());
            DomainEvent event = (DomainEvent) Jackson.MAPPER.treeToValue(envelope.get("data"), cls);
            String cmd = envelope.hasNonNull("cmd") ? envelope.get("cmd").asText() : null;
            return new RecordedEvent(
                    record.seq(), Instant.parse(envelope.path("at").asText()), cmd, event);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot decode journal record " + record.seq(), ex);
        }
    }
}
