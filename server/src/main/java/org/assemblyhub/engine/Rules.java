package org.assemblyhub.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.LimitsConfig;
import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.ParticipantText;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Pooled;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Seating;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.WritesText;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.kernel.plug.JournalReport;
import org.assemblyhub.kernel.plug.WireCommand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The capabilities an engine runs, and how it applies them — the engine knows none of them by name. A command goes to
 * the one capability that decides its kind, with the sender's {@link Acting} worked out once from the kernel's ports;
 * what it accepts is then shown to every capability in turn ({@link Capability#react}), in the order they are listed,
 * each seeing what the ones before added. An event goes to the capability of its family. The order of the list is the
 * entry point's ({@code org.assemblyhub.Capabilities}).
 */
public final class Rules {
    private final List<Capability> capabilities;
    private final Map<Class<?>, Capability> byCommand = new ConcurrentHashMap<>();
    private final Map<Class<?>, Capability> byEvent = new ConcurrentHashMap<>();
    private final EventCodec codec;
    private final List<WireCommand> wire;

    public Rules(List<Capability> capabilities) {
        this.capabilities = List.copyOf(capabilities);
        Set<String> names = new HashSet<>();
        List<WireCommand> wire = new ArrayList<>();
        for (Capability c : capabilities) {
            if (!names.add(c.name())) throw new IllegalArgumentException("two capabilities named " + c.name());
            for (Class<? extends DomainEvent> family : c.events()) {
                Arrays.stream(family.getPermittedSubclasses()).forEach(type -> {
                    if (byEvent.put(type, c) != null)
                        throw new IllegalArgumentException("two capabilities fold " + type.getName());
                });
            }
            wire.addAll(c.wire());
        }
        this.wire = List.copyOf(wire);
        this.codec = new EventCodec(byEvent.keySet());
    }

    public List<Capability> capabilities() {
        return capabilities;
    }

    /** The journal report of that name, offered by some capability. */
    public Optional<JournalReport> report(String name) {
        return capabilities.stream()
                .flatMap(c -> c.reports().stream())
                .filter(r -> r.name().equals(name))
                .findFirst();
    }

    /** A fresh model: each capability's empty state. */
    public Model newModel() {
        Model model = new Model();
        for (Capability c : capabilities) model.add(c.name(), c.newState());
        return model;
    }

    public EventCodec codec() {
        return codec;
    }

    /** Every capability's wire commands. */
    List<WireCommand> wire() {
        return wire;
    }

    /**
     * Decides one command and adds the reactions it causes. Before any capability sees it: what participants write is
     * counted against the assembly's quotas, and nothing but creating one happens in an assembly that does not exist.
     */
    public Verdict decide(Model model, Actor actor, DomainCommand command, Instant now, LimitsConfig limits) {
        if (command instanceof WritesText && !actor.isHub() && actor.role() != Role.ORGANISER) {
            var refusal = model.usage().refusal(actor.personId(), limits.assemblyTextBytes(), limits.personTextBytes());
            if (refusal != null) return new Verdict.Rejected(refusal);
        }
        Capability owner = owner(command);
        if (owner.needsAssembly() && !model.roster().exists()) {
            return Verdict.reject("no-such-assembly", "This assembly does not exist.");
        }
        Acting who = acting(model, actor);
        Verdict verdict = owner.decide(model, who, command, now);
        if (!(verdict instanceof Verdict.Accepted accepted) || accepted.events().isEmpty()) return verdict;
        List<DomainEvent> events = new ArrayList<>(accepted.events());
        for (Capability c : capabilities) events.addAll(c.react(model, who, List.copyOf(events), now));
        return events.size() == accepted.events().size() ? verdict : Verdict.accept(events);
    }

    /** A pool of commands decided together (each sender answered in turn). */
    Capability.Pool decide(Model model, Pooled pooled, RandomGenerator random) {
        return owner(pooled).decide(model, pooled, random);
    }

    public void evolve(Model model, DomainEvent event) {
        if (event instanceof ParticipantText text) model.usage().evolve(text);
        Capability c = byEvent.get(event.getClass());
        if (c == null)
            throw new IllegalArgumentException(
                    "unknown event " + event.getClass().getName());
        c.evolve(model, event);
    }

    /** Who acts, and in what capacity, from the kernel's ports. */
    static Acting acting(Model model, Actor actor) {
        if (actor.isHub()) return new Acting(actor, true, 0, 0, model.seating().round());
        Seating seating = model.seating();
        String me = actor.personId();
        var seat = me == null ? Optional.<Seating.Seat>empty() : seating.seatOf(me);
        boolean leads = actor.role() == Role.ORGANISER
                || (me != null && me.equals(model.agenda().lead()));
        int seated = seat.map(Seating.Seat::group).orElse(0);
        int facilitated = seating.isOpen()
                ? seat.filter(Seating.Seat::facilitates)
                        .map(Seating.Seat::group)
                        .orElse(0)
                : 0;
        return new Acting(actor, leads, seated, facilitated, seating.round());
    }

    /** The next moment something is due: a segment's end, an extended group's end, a poll's timer. */
    Optional<Instant> nextDeadline(Model model) {
        return capabilities.stream()
                .map(c -> c.nextDeadline(model))
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    /** What the hub's own timer asks for at {@code now}, like any command. */
    List<DomainCommand> due(Model model, Instant now) {
        List<DomainCommand> due = new ArrayList<>();
        for (Capability c : capabilities) due.addAll(c.due(model, now));
        return due;
    }

    /**
     * The audience a person's sockets belong to now: inside their group while rooms are open (as one of its
     * facilitators, or as a member or guest), else their role's — the appointed lead's desk for the lead.
     */
    static Audience audienceOf(Model model, Person person) {
        Optional<Seating.Seat> seat = model.seating().seatOf(person.id());
        if (seat.isPresent()) {
            Audience.Kind kind = seat.get().facilitates() ? Audience.Kind.FACILITATOR : Audience.Kind.MEMBER;
            return new Audience(kind, seat.get().group());
        }
        if (person.id().equals(model.agenda().lead()) && person.role() == Role.FACILITATOR) return Audience.LEAD;
        return Audience.of(person.role());
    }

    /** An audience's view: each capability's sections, in order. */
    ObjectNode view(Model model, Audience audience) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        if (!model.roster().exists()) return view;
        for (Capability c : capabilities) c.view(model, audience, view);
        return view;
    }

    /** What happened, as open data (docs/open-data.md): each capability's part, with no person's name, id or answer. */
    ObjectNode openData(Model model, Instant now) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", OPEN_DATA_FORMAT).put("generatedAt", now.toString());
        for (Capability c : capabilities) c.openData(model, root);
        return root;
    }

    static final String OPEN_DATA_FORMAT = "assembly-hub open data 1";

    /** A published record of some capability, or empty if none owns it. */
    Optional<JsonObject> record(Model model, String what, JsonObject request, boolean participant) {
        for (Capability c : capabilities) {
            Optional<JsonObject> record = c.record(model, what, request, participant);
            if (record.isPresent()) return record;
        }
        return Optional.empty();
    }

    private Capability owner(DomainCommand command) {
        return byCommand.computeIfAbsent(command.getClass(), type -> capabilities.stream()
                .filter(c -> c.commands().stream().anyMatch(root -> root.isAssignableFrom(type)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no capability decides " + type.getName())));
    }
}
