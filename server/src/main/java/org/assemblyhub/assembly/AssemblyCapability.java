package org.assemblyhub.assembly;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.assembly.domain.AssemblyCommand;
import org.assemblyhub.assembly.domain.AssemblyDecider;
import org.assemblyhub.assembly.domain.AssemblyEvent;
import org.assemblyhub.assembly.domain.AssemblyState;
import org.assemblyhub.assembly.view.CoreViews;
import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.Presence;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.kernel.plug.WireCommand;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The assembly itself: its roster and invitations, its phase, announcements and who is connected. Its state is the
 * {@link org.assemblyhub.kernel.Roster} every other capability reads.
 */
public final class AssemblyCapability implements Capability {
    public static final String NAME = "assembly";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<WireCommand> wire() {
        return AssemblyWire.COMMANDS;
    }

    @Override
    public List<Class<? extends DomainEvent>> events() {
        return List.of(AssemblyEvent.class);
    }

    @Override
    public List<Class<? extends DomainCommand>> commands() {
        return List.of(AssemblyCommand.class, Presence.class);
    }

    @Override
    public Object newState() {
        return new AssemblyState();
    }

    @Override
    public boolean needsAssembly() {
        return false;
    }

    @Override
    public Verdict decide(Model model, Acting who, DomainCommand command, Instant now) {
        Actor actor = who.actor();
        if ((command instanceof AssemblyCommand.Announce || command instanceof AssemblyCommand.ChangePhase)
                && who.leads()
                && !who.isHub()) {
            // The lead facilitator broadcasts to every screen, groups included, and moves the phase, like organisers.
            actor = Actor.person(who.personId(), Role.ORGANISER);
        }
        return AssemblyDecider.decide(state(model), actor, command, now);
    }

    /** A session the script places in a phase moves the assembly into it when it starts (never out of closed). */
    @Override
    public List<DomainEvent> react(Model model, Acting who, List<DomainEvent> accepted, Instant now) {
        AssemblyState state = state(model);
        return model.agenda()
                .phaseEntered(accepted)
                .filter(phase -> phase != state.phase() && state.phase() != Phase.CLOSED)
                .<List<DomainEvent>>map(phase -> List.of(new AssemblyEvent.PhaseChanged(state.phase(), phase)))
                .orElse(List.of());
    }

    /** The retention day: from then on, the hub erases everyone's personal data by itself. */
    @Override
    public Optional<Instant> nextDeadline(Model model) {
        return state(model).retentionDeadline();
    }

    @Override
    public List<DomainCommand> due(Model model, Instant now) {
        return state(model).retentionDeadline().filter(d -> !now.isBefore(d)).isPresent()
                ? List.of(new AssemblyCommand.EraseExpiredData())
                : List.of();
    }

    @Override
    public void evolve(Model model, DomainEvent event) {
        state(model).evolve((AssemblyEvent) event);
    }

    /** The core sections (announcements, presence, roster, by kind of audience), kept while the state does not move. */
    @Override
    public void view(Model model, Audience audience, ObjectNode view) {
        view.setAll(model.cache(NAME + "/cores", CoreViews::new).of(state(model), audience));
    }

    @Override
    public void openData(Model model, ObjectNode openData) {
        AssemblyState state = state(model);
        openData.putObject("assembly")
                .put("id", state.id())
                .put("title", state.title())
                .put("question", state.question())
                .put("phase", state.phase().wire())
                .put(
                        "personalDataKeptUntil",
                        state.retentionUntil() == null
                                ? null
                                : state.retentionUntil().toString());
    }

    private static AssemblyState state(Model model) {
        return model.slice(NAME, AssemblyState.class);
    }
}
