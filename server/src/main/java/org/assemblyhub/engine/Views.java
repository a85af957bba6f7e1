package org.assemblyhub.engine;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.EndsSessions;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.plug.Answers;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's outbound side: one {@link AudienceStream} per audience, advanced after each durable batch; each change
 * is published once per audience to every gateway, which writes the same text to all the audience's sockets.
 */
final class Views {
    static final int PATCHES_KEPT = 256;

    private final EventBus bus;
    private final String address;
    private final Map<Audience, AudienceStream> streams = new LinkedHashMap<>();
    private final Rules rules;
    /** The breakout round the group streams belong to: group numbers restart every round, their streams with them. */
    private int streamsRound = -1;

    Views(EventBus bus, String assemblyId, Rules rules, Model model, long seq) {
        this.bus = bus;
        this.rules = rules;
        this.address = EngineAddresses.out(assemblyId);
        for (Audience audience : Audience.PLENARY) {
            streams.put(audience, new AudienceStream(audience, rules.view(model, audience), seq, PATCHES_KEPT));
        }
    }

    /** Ends the sessions of people whose invitation was revoked or replaced in this batch (never delayed). */
    void kick(List<RecordedEvent> batch) {
        for (RecordedEvent recorded : batch) {
            String kicked = kickedBy(recorded.event());
            if (kicked != null) bus.publish(address, "", new DeliveryOptions().addHeader("kick", kicked));
        }
    }

    /**
     * Brings every audience's view to the durable state at {@code seq} and publishes what changed; the observers'
     * view only when this node's gateways are done writing its previous update ({@code observers}), else it is held
     * and released by {@link #publishObservers} (its next patch then carries everything since).
     */
    void publish(Model model, long seq, ObserverRelease observers) {
        dropGroupStreamsOfEarlierRounds(model);
        Set<Audience> groupAudiences = new HashSet<>();
        for (int group : model.seating().meeting()) {
            groupAudiences.add(Audience.MEMBER.inGroup(group));
            groupAudiences.add(Audience.FACILITATOR.inGroup(group));
        }
        // Groups of rounds that are over have nobody left in them: stop recomputing their views on every batch.
        streams.keySet().removeIf(a -> a.inGroup() && !groupAudiences.contains(a));
        groupAudiences.forEach(a -> stream(model, a, seq));
        boolean holdObservers = observers.busy();
        for (Audience audience : streams.keySet()) {
            if (holdObservers && audience.equals(Audience.OBSERVER)) continue;
            advance(model, audience, seq);
        }
        if (holdObservers) observers.held();
        else observers.released();
    }

    /** Drops the patches kept for catching up (after an erasure: they may hold the person's data); snapshots stay. */
    void forgetHistory() {
        streams.values().forEach(AudienceStream::forgetHistory);
    }

    /** The held observers' view, brought to the durable state at {@code seq}. */
    void publishObservers(Model model, long seq) {
        advance(model, Audience.OBSERVER, seq);
    }

    private void advance(Model model, Audience audience, long seq) {
        streams.get(audience)
                .advance(rules.view(model, audience), seq)
                .ifPresent(text -> bus.publish(
                        address,
                        text,
                        new DeliveryOptions().addHeader("aud", audience.wire()).addHeader("seq", Long.toString(seq))));
    }

    /**
     * When a new breakout round starts, the group streams of the last one go, with the patches they keep: a socket
     * of group 1 in round 2 can never be caught up with what group 1 of round 1 saw.
     */
    private void dropGroupStreamsOfEarlierRounds(Model model) {
        int round = model.seating().round();
        if (round == streamsRound) return;
        streams.keySet().removeIf(Audience::inGroup);
        streamsRound = round;
    }

    /** A revoked or replaced invitation ends the person's open sessions at once. */
    private static String kickedBy(DomainEvent event) {
        return event instanceof EndsSessions e ? e.personId() : null;
    }

    /** The stream of an audience, started at the current view when it first appears (a group's first minute). */
    private AudienceStream stream(Model model, Audience audience, long seq) {
        return streams.computeIfAbsent(audience, a -> new AudienceStream(a, rules.view(model, a), seq, PATCHES_KEPT));
    }

    JsonObject sync(Model model, long seq, Audience audience, Long lastSeq, Audience lastAudience) {
        if (audience == null) return Answers.error("invalid-audience", "Unknown audience.");
        dropGroupStreamsOfEarlierRounds(model);
        AudienceStream stream = streams.containsKey(audience) ? streams.get(audience) : stream(model, audience, seq);
        List<String> messages = audience.equals(lastAudience) ? stream.catchUp(lastSeq) : List.of(stream.snapshot());
        return new JsonObject()
                .put("status", "ok")
                .put("seq", stream.seq())
                .put("messages", new JsonArray(List.copyOf(messages)));
    }
}
