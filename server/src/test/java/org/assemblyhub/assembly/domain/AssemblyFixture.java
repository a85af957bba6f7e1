package org.assemblyhub.assembly.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** given(events…).when(actor, command).thenEvents(…) / thenRejected(code) — the decider as a behaviour spec. */
final class AssemblyFixture {
    static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");
    static final Actor ORGANISER = Actor.person("organiser-1", Role.ORGANISER);
    static final Actor MEMBER = Actor.person("m1", Role.MEMBER);
    static final Actor FACILITATOR = Actor.person("f1", Role.FACILITATOR);

    private final List<AssemblyEvent> history = new ArrayList<>();
    private Verdict decision;

    static AssemblyFixture given(AssemblyEvent... events) {
        AssemblyFixture fixture = new AssemblyFixture();
        fixture.history.addAll(List.of(events));
        return fixture;
    }

    /** An assembly created by organiser-1, with f1, m1 and m2 on the roster. */
    static AssemblyFixture givenAnAssembly(AssemblyEvent... more) {
        AssemblyFixture fixture = given(
                new AssemblyEvent.AssemblyCreated("a1", "Climate assembly", "How?", true, null, null),
                new AssemblyEvent.PeopleAdded(List.of(
                        person("organiser-1", Role.ORGANISER), person("f1", Role.FACILITATOR),
                        person("m1", Role.MEMBER), person("m2", Role.MEMBER))),
                new AssemblyEvent.InvitationIssued("organiser-1", "h-org"),
                new AssemblyEvent.InvitationIssued("m1", "h-m1"));
        fixture.history.addAll(List.of(more));
        return fixture;
    }

    static Person person(String id, Role role) {
        return new Person(id, "Name of " + id, id + "@example.org", role, Map.of("area", "north"));
    }

    AssemblyFixture when(Actor actor, DomainCommand command) {
        decision = AssemblyDecider.decide(AssemblyState.fold(history), actor, command, NOW);
        return this;
    }

    AssemblyFixture thenEvents(AssemblyEvent... expected) {
        assertThat(decision).as("decision").isInstanceOf(Verdict.Accepted.class);
        assertThat(((Verdict.Accepted) decision).events()).containsExactly(expected);
        return this;
    }

    AssemblyFixture thenRejected(String code) {
        assertThat(decision).as("decision").isInstanceOf(Verdict.Rejected.class);
        assertThat(((Verdict.Rejected) decision).rejection().code()).isEqualTo(code);
        assertThat(((Verdict.Rejected) decision).rejection().message()).isNotBlank();
        return this;
    }

    /** The state after the accepted events are applied. */
    AssemblyState thenState() {
        List<AssemblyEvent> all = new ArrayList<>(history);
        if (decision instanceof Verdict.Accepted a) a.events().forEach(e -> all.add((AssemblyEvent) e));
        return AssemblyState.fold(all);
    }
}
