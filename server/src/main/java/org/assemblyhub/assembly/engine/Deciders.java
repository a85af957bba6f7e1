package org.assemblyhub.assembly.engine;

import org.assemblyhub.assembly.domain.Actor;
import org.assemblyhub.assembly.domain.AssemblyCommand;
import org.assemblyhub.assembly.domain.AssemblyDecider;
import org.assemblyhub.assembly.domain.AssemblyEvent;
import org.assemblyhub.assembly.domain.AssemblyState;
import org.assemblyhub.assembly.domain.Decision;
import org.assemblyhub.assembly.domain.DomainCommand;
import org.assemblyhub.assembly.domain.DomainEvent;
import org.assemblyhub.assembly.domain.Phase;
import org.assemblyhub.assembly.domain.Role;
import org.assemblyhub.live.domain.SessionClock;
import org.assemblyhub.live.domain.SessionCommand;
import org.assemblyhub.live.domain.SessionDecider;
import org.assemblyhub.live.domain.SessionEvent;

import java.time.Instant;

/**
 * The whole assembly as the engine holds it — the core state and each capability's slice — and the routing of each
 * command to its capability's decider and each event to its fold. Adding a capability means adding a line here.
 */
final class Deciders {
    final AssemblyState state = new AssemblyState();
    final SessionClock clock = new SessionClock();

    Decision decide(Actor actor, DomainCommand command, Instant now) {
        if (command instanceof AssemblyCommand c) return AssemblyDecider.decide(state, actor, c, now);
        if (!state.exists()) return Decision.reject("no-such-assembly", "This assembly does not exist.");
        if (command instanceof SessionCommand c) {
            if (state.phase() == Phase.CLOSED && !(c instanceof SessionCommand.AdvanceClock)) {
                return Decision.reject("assembly-closed", "The assembly is closed: nothing can change any more.");
            }
            if (c instanceof SessionCommand.AppointLead lead) {
                boolean eligible = state.person(lead.personId())
                        .map(p -> p.role() == Role.FACILITATOR || p.role() == Role.ORGANISER).orElse(false);
                c = new SessionCommand.AppointLead(lead.personId(), eligible);
            }
            return SessionDecider.decide(clock, actor, c, now);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    void evolve(DomainEvent event) {
        if (event instanceof AssemblyEvent e) {
            state.evolve(e);
        } else if (event instanceof SessionEvent e) {
            clock.evolve(e);
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
    }
}
