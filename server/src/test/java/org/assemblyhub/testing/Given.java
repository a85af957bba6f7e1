package org.assemblyhub.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.Capabilities;
import org.assemblyhub.assembly.domain.AssemblyEvent;
import org.assemblyhub.config.LimitsConfig;
import org.assemblyhub.engine.Rules;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * given(events…).when(actor, command).thenEvents(…) / thenRejected(code) — a capability's rules as a behaviour spec,
 * through the same {@link Rules} the engine applies: the events given are folded by the capabilities that own them,
 * the command is routed to its capability with the sender's {@code Acting}, and the reactions of every capability
 * follow. No socket, no journal, no clock but {@link #NOW}.
 */
public final class Given {
    public static final Instant NOW = Instant.parse("2026-12-03T18:00:00Z");
    public static final Actor ORGANISER = Actor.person("organiser-1", Role.ORGANISER);
    public static final Actor LEAD = Actor.person("f1", Role.FACILITATOR);
    public static final Actor FACILITATOR = Actor.person("f2", Role.FACILITATOR);
    public static final Actor MEMBER = Actor.person("m1", Role.MEMBER);

    private static final Rules RULES = new Rules(Capabilities.standard());

    private final List<DomainEvent> history = new ArrayList<>();
    private Verdict verdict;

    private Given() {}

    public static Given given(DomainEvent... events) {
        Given given = new Given();
        given.history.addAll(List.of(events));
        return given;
    }

    /**
     * An assembly created by organiser-1, with facilitators f1 to f3 and members m1 to m16 on the roster (members
     * alternate between two areas), then {@code more}.
     */
    public static Given givenAnAssembly(DomainEvent... more) {
        List<Person> people = new ArrayList<>(List.of(person("organiser-1", Role.ORGANISER)));
        for (int f = 1; f <= 3; f++) people.add(person("f" + f, Role.FACILITATOR));
        for (int m = 1; m <= 16; m++) people.add(person("m" + m, Role.MEMBER));
        Given given = given(
                new AssemblyEvent.AssemblyCreated("a1", "Climate assembly", "How?", true, null, null),
                new AssemblyEvent.PeopleAdded(people));
        given.history.addAll(List.of(more));
        return given;
    }

    /** These people are connected (their first socket opened). */
    public static List<DomainEvent> present(String... personIds) {
        List<DomainEvent> events = new ArrayList<>();
        for (String id : personIds) events.add(new AssemblyEvent.PersonConnected(id, NOW.minusSeconds(600)));
        return events;
    }

    public static Person person(String id, Role role) {
        int n = id.replaceAll("\\D", "").isEmpty() ? 0 : Integer.parseInt(id.replaceAll("\\D", ""));
        return new Person(
                id, "Name of " + id, id + "@example.org", role, Map.of("area", n % 2 == 0 ? "north" : "south"));
    }

    public Given and(DomainEvent... events) {
        history.addAll(List.of(events));
        return this;
    }

    public Given and(List<DomainEvent> events) {
        history.addAll(events);
        return this;
    }

    public Given when(Actor actor, DomainCommand command) {
        return when(actor, command, NOW);
    }

    public Given when(Actor actor, DomainCommand command, Instant at) {
        verdict = RULES.decide(model(history), actor, command, at, LimitsConfig.DEFAULTS);
        return this;
    }

    public Given thenEvents(DomainEvent... expected) {
        return thenEvents(List.of(expected));
    }

    public Given thenEvents(List<DomainEvent> expected) {
        assertThat(verdict).as("verdict").isInstanceOf(Verdict.Accepted.class);
        assertThat(events()).containsExactlyElementsOf(expected);
        return this;
    }

    /** The accepted events (reactions included). */
    public List<DomainEvent> events() {
        assertThat(verdict).as("verdict").isInstanceOf(Verdict.Accepted.class);
        return ((Verdict.Accepted) verdict).events();
    }

    /** The accepted events of one type, in order. */
    public <E extends DomainEvent> List<E> events(Class<E> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    public Given thenRejected(String code) {
        assertThat(verdict).as("verdict").isInstanceOf(Verdict.Rejected.class);
        assertThat(((Verdict.Rejected) verdict).rejection().code()).isEqualTo(code);
        assertThat(((Verdict.Rejected) verdict).rejection().message()).isNotBlank();
        return this;
    }

    /** What was given and what was just accepted, as the history of the next step. */
    public Given andThen() {
        Given next = new Given();
        next.history.addAll(history);
        if (verdict instanceof Verdict.Accepted a) next.history.addAll(a.events());
        return next;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** The model after the history and what was accepted. */
    public Model thenModel() {
        List<DomainEvent> all = new ArrayList<>(history);
        if (verdict instanceof Verdict.Accepted a) all.addAll(a.events());
        return model(all);
    }

    private static Model model(List<DomainEvent> events) {
        Model model = RULES.newModel();
        events.forEach(e -> RULES.evolve(model, e));
        return model;
    }
}
