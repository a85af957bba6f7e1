package org.assemblyhub.assembly.engine;

import org.assemblyhub.kernel.plug.Answers;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.assembly.domain.AssemblyEvent;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.assembly.view.AudienceStream;
import org.assemblyhub.assembly.view.CoreViews;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's outbound side: one {@link AudienceStream} per audience, advanced after each durable batch; each change
 * is published once per audience to every gateway, which writes the same text to all the audience's sockets.
 */
final class Views {
    static final int PATCHES_KEPT = 256;

    private final EventBus bus;
    private final String address;
    private final Map<Audience, AudienceStream> streams = new LinkedHashMap<>();
    private final CoreViews cores = new CoreViews();
    /** The breakout round the group streams belong to: group numbers restart every round, their streams with them. */
    private int streamsRound = -1;

    Views(EventBus bus, String assemblyId, Deciders model, long seq) {
        this.bus = bus;
        this.address = EngineAddresses.out(assemblyId);
        for (Audience audience : Audience.PLENARY) {
            streams.put(audience, new AudienceStream(audience,
                    model.state.exists() ? compose(model, audience) : JsonNodeFactory.instance.objectNode(),
                    seq, PATCHES_KEPT));
        }
    }

    /** Each audience's view: the core sections (shared, never changed), then one section per capability. */
    private com.fasterxml.jackson.databind.node.ObjectNode compose(Deciders model, Audience audience) {
        com.fasterxml.jackson.databind.node.ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.setAll(cores.of(model.state, audience));
        var session = org.assemblyhub.live.view.SessionView.project(model.clock, audience);
        if (!session.isEmpty()) view.set("session", session);
        int round = model.rooms.round();
        var breakouts = org.assemblyhub.breakout.view.BreakoutView.project(model.rooms, model.state, audience,
                group -> (int) model.workspaces.ideas(round, group).stream().filter(i -> i.promoted()).count());
        if (!breakouts.isEmpty()) view.set("breakouts", breakouts);
        var workspace = org.assemblyhub.breakout.view.WorkspaceView.workspace(model.workspaces, model.rooms, model.state, audience);
        if (!workspace.isEmpty()) view.set("workspace", workspace);
        var harvest = org.assemblyhub.breakout.view.WorkspaceView.harvest(model.workspaces, model.rooms, audience);
        if (!harvest.isEmpty()) view.set("harvest", harvest);
        var polls = org.assemblyhub.poll.view.PollView.project(model.polls, model.state, audience, round);
        if (!polls.isEmpty()) view.set("polls", polls);
        var drafts = org.assemblyhub.decision.view.DecisionView.drafts(model.drafts, model.ballots, model.state, audience);
        if (!drafts.isEmpty()) view.set("drafts", drafts);
        var ballots = org.assemblyhub.decision.view.DecisionView.ballots(model.ballots, audience);
        if (!ballots.isEmpty()) view.set("ballots", ballots);
        return view;
    }

    /** Ends the sessions of people whose invitation was revoked or replaced in this batch (never delayed). */
    void kick(List<RecordedEvent> batch) {
        for (RecordedEvent recorded : batch) {
            String kicked = kickedBy(recorded.event());
            if (kicked != null) bus.publish(address, "", new DeliveryOptions().addHeader("kick", kicked));
        }
    }

    /** Brings every audience's view to the durable state at {@code seq} and publishes what changed. */
    void publish(Deciders model, long seq) {
        dropGroupStreamsOfEarlierRounds(model);
        java.util.Set<Audience> groupAudiences = new java.util.HashSet<>();
        for (var group : model.rooms.isOpen() ? model.rooms.groups() : List.<org.assemblyhub.breakout.domain.Group>of()) {
            if (model.rooms.returned(group.number())) continue;
            groupAudiences.add(Audience.MEMBER.inGroup(group.number()));
            groupAudiences.add(Audience.FACILITATOR.inGroup(group.number()));
        }
        // Groups of rounds that are over have nobody left in them: stop recomputing their views on every batch.
        streams.keySet().removeIf(a -> a.inGroup() && !groupAudiences.contains(a));
        groupAudiences.forEach(a -> stream(model, a, seq));
        for (Map.Entry<Audience, AudienceStream> entry : streams.entrySet()) {
            entry.getValue().advance(compose(model, entry.getKey()), seq)
                    .ifPresent(text -> bus.publish(address, text, new DeliveryOptions().addHeader("aud", entry.getKey().wire()).addHeader("seq", Long.toString(seq))));
        }
    }

    /**
     * When a new breakout round starts, the group streams of the last one go, with the patches they keep: a socket
     * of group 1 in round 2 can never be caught up with what group 1 of round 1 saw.
     */
    private void dropGroupStreamsOfEarlierRounds(Deciders model) {
        int round = model.rooms.round();
        if (round == streamsRound) return;
        streams.keySet().removeIf(Audience::inGroup);
        streamsRound = round;
    }

    /** A revoked or replaced invitation ends the person's open sessions at once. */
    private static String kickedBy(org.assemblyhub.kernel.DomainEvent event) {
        if (event instanceof AssemblyEvent.InvitationRevoked e) return e.personId();
        if (event instanceof AssemblyEvent.InvitationIssued e) return e.personId();
        return null;
    }

    /** The stream of an audience, started at the current view when it first appears (a group's first minute). */
    private AudienceStream stream(Deciders model, Audience audience, long seq) {
        return streams.computeIfAbsent(audience, a -> new AudienceStream(a,
                model.state.exists() ? compose(model, a) : JsonNodeFactory.instance.objectNode(), seq, PATCHES_KEPT));
    }

    JsonObject sync(Deciders model, long seq, Audience audience, Long lastSeq, Audience lastAudience) {
        if (audience == null) return Answers.error("invalid-audience", "Unknown audience.");
        dropGroupStreamsOfEarlierRounds(model);
        AudienceStream stream = streams.containsKey(audience) ? streams.get(audience) : stream(model, audience, seq);
        List<String> messages = audience.equals(lastAudience) ? stream.catchUp(lastSeq) : List.of(stream.snapshot());
        return new JsonObject().put("status", "ok").put("seq", stream.seq()).put("messages", new JsonArray(List.copyOf(messages)));
    }
}
