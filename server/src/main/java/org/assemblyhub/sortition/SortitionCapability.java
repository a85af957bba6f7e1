package org.assemblyhub.sortition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.ErasesPerson;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.kernel.plug.Engine;
import org.assemblyhub.kernel.plug.Plugin;
import org.assemblyhub.kernel.plug.WireCommand;
import org.assemblyhub.sortition.desk.DeskAddresses;
import org.assemblyhub.sortition.desk.SortitionDesks;
import org.assemblyhub.sortition.ledger.SortitionCommand;
import org.assemblyhub.sortition.ledger.SortitionDecider;
import org.assemblyhub.sortition.ledger.SortitionEvent;
import org.assemblyhub.sortition.ledger.SortitionRecord;
import org.assemblyhub.sortition.view.SortitionView;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The selection of the members (docs/sortition.md): the organiser's desk does the work off the engine — reading the
 * pool and quotas, running the algorithm, writing the published files — and the assembly records the public facts
 * in order (commitment, draw, replacements), shows them to everyone and puts them in the open data.
 */
public final class SortitionCapability implements Capability {
    /** The engine request that says which of some roster ids are on the roster ({@code {ids}} → {@code {onRoster}}). */
    public static final String ON_ROSTER = "sortition-on-roster";

    public static final String NAME = "sortition";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<WireCommand> wire() {
        return SortitionWire.COMMANDS;
    }

    @Override
    public List<Class<? extends DomainEvent>> events() {
        return List.of(SortitionEvent.class);
    }

    @Override
    public List<Class<? extends DomainCommand>> commands() {
        return List.of(SortitionCommand.class);
    }

    @Override
    public Object newState() {
        return new SortitionRecord();
    }

    @Override
    public Verdict decide(Model model, Acting who, DomainCommand command, Instant now) {
        if (!who.isHub()) return Verdict.reject("forbidden", "Only the hub's selection desk records the selection.");
        if (model.roster().phase() == Phase.CLOSED) return Verdict.assemblyClosed();
        return SortitionDecider.decide(record(model), (SortitionCommand) command, now);
    }

    @Override
    public void evolve(Model model, DomainEvent event) {
        record(model).evolve((SortitionEvent) event);
    }

    @Override
    public void view(Model model, Audience audience, ObjectNode view) {
        ObjectNode section = SortitionView.project(record(model));
        if (!section.isEmpty()) view.set(NAME, section);
    }

    @Override
    public void openData(Model model, ObjectNode openData) {
        ObjectNode section = SortitionView.project(record(model));
        if (!section.isEmpty()) openData.set(NAME, section);
    }

    /**
     * {@code sortition-file}: whether a published file may be served now ({@code published}), and the committed
     * files' hashes — anyone may ask: these files are public once recorded.
     */
    @Override
    public Optional<JsonObject> record(Model model, String what, JsonObject request, boolean participant) {
        if (!"sortition-file".equals(what)) return Optional.empty();
        SortitionRecord record = record(model);
        String file = request.getString("file", "");
        return Optional.of(new JsonObject()
                .put("published", SortitionView.published(record, file))
                .put("hash", SortitionView.hashes(record).get(file)));
    }

    private static SortitionRecord record(Model model) {
        return model.slice(NAME, SortitionRecord.class);
    }

    /**
     * Erasures reach the organiser's desk, whose private pool file is outside the journal: the erased people's rows
     * keep only their pool id and features ({@code SortitionDesks}). Sent again for everyone erased when the engine
     * starts, so that a crash between the erasure and the desk's rewrite is made good.
     */
    @Override
    public Plugin plugin(Engine engine) {
        return new Plugin() {
            @Override
            public void landed(List<DomainEvent> events) {
                List<String> erased = events.stream()
                        .filter(e -> e instanceof ErasesPerson)
                        .map(e -> ((ErasesPerson) e).personId())
                        .toList();
                if (!erased.isEmpty()) tell(engine, erased);
            }

            @Override
            public void started() {
                if (!engine.model().roster().erased().isEmpty())
                    tell(engine, List.copyOf(engine.model().roster().erased()));
                serveTheDesk(engine);
            }

            /** Which of {@code ids} are on the roster: the desk takes up a seating step that was cut off. */
            @Override
            public Map<String, Op> ops() {
                return Map.of(ON_ROSTER, body -> {
                    JsonArray on = new JsonArray();
                    for (Object id : body.getJsonArray("ids", new JsonArray())) {
                        if (id instanceof String s
                                && engine.model().roster().person(s).isPresent()) on.add(s);
                    }
                    return new JsonObject().put("onRoster", on);
                });
            }
        };
    }

    /**
     * The desk's requests, from whichever node an organiser reached, come to the owner's engine and go on to this
     * node's gateways: the desk keeps one run and one step at a time only if it lives in one place. Registered on the
     * engine's context, the consumer ends with the engine (its owner moved, or the hub stopped).
     */
    private static void serveTheDesk(Engine engine) {
        DeliveryOptions local = new DeliveryOptions().setLocalOnly(true).setSendTimeout(DeskAddresses.TIMEOUT_MS);
        engine.vertx().eventBus().<JsonObject>consumer(DeskAddresses.home(engine.assemblyId()), asked -> {
            if (!engine.holds()) {
                // Its lease lost, this node no longer keeps the desk: the new owner's does.
                asked.fail(503, "the assembly is moving to another node");
                return;
            }
            engine.vertx()
                    .eventBus()
                    .<JsonObject>request(DeskAddresses.STEPS, asked.body(), local)
                    .onSuccess(answer -> asked.reply(answer.body()))
                    .onFailure(failure -> asked.fail(500, String.valueOf(failure.getMessage())));
        });
    }

    private static void tell(Engine engine, List<String> erased) {
        engine.vertx()
                .eventBus()
                .send(
                        SortitionDesks.ERASED,
                        new JsonObject().put("assemblyId", engine.assemblyId()).put("people", new JsonArray(erased)));
    }
}
