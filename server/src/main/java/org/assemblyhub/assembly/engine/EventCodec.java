package org.assemblyhub.assembly.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.assembly.domain.AssemblyEvent;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.live.domain.SessionEvent;
import org.assemblyhub.store.JournalRecord;
import org.assemblyhub.support.Jackson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Domain events ⇄ journal bytes. The envelope is {@code {"type","at","cmd","data"}} with the event's simple class
 * name as its type; the domain stays free of serialisation annotations.
 */
public final class EventCodec {
    /** Every event family, one line per capability; simple names are unique across them (checked at start). */
    private static final Map<String, Class<?>> TYPES = java.util.stream.Stream.of(AssemblyEvent.class, SessionEvent.class,
                    org.assemblyhub.breakout.domain.BreakoutEvent.class, org.assemblyhub.breakout.workspace.WorkspaceEvent.class,
                    org.assemblyhub.poll.domain.PollEvent.class, org.assemblyhub.decision.domain.DraftEvent.class,
                    org.assemblyhub.decision.domain.BallotEvent.class)
            .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventCodec() {}

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

    public static RecordedEvent decode(JournalRecord record) {
        try {
            JsonNode envelope = Jackson.MAPPER.readTree(record.data());
            String type = envelope.path("type").asText();
            Class<?> cls = TYPES.get(type);
            if (cls == null) throw new IllegalStateException("unknown event type '" + type + "' at seq " + record.seq());
            DomainEvent event = (DomainEvent) Jackson.MAPPER.treeToValue(envelope.get("data"), cls);
            String cmd = envelope.hasNonNull("cmd") ? envelope.get("cmd").asText() : null;
            return new RecordedEvent(record.seq(), Instant.parse(envelope.path("at").asText()), cmd, event);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot decode journal record " + record.seq(), ex);
        }
    }
}
