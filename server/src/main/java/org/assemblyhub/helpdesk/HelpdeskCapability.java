package org.assemblyhub.helpdesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.helpdesk.domain.Helpdesk;
import org.assemblyhub.helpdesk.domain.HelpdeskCommand;
import org.assemblyhub.helpdesk.domain.HelpdeskDecider;
import org.assemblyhub.helpdesk.domain.HelpdeskEvent;
import org.assemblyhub.helpdesk.view.HelpdeskView;
import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.kernel.plug.WireCommand;

import java.time.Instant;
import java.util.List;

/**
 * The help desk: members' tech-check results and calls for help from any screen (the plenary, the tech check, waiting
 * for a group — a group's own call stays in its workspace). They reach the lead's desk and organisers, and a group's
 * facilitators for the members of their group; a call is answered by any of them.
 */
public final class HelpdeskCapability implements Capability {
    public static final String NAME = "helpdesk";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<WireCommand> wire() {
        return HelpdeskWire.COMMANDS;
    }

    @Override
    public List<Class<? extends DomainEvent>> events() {
        return List.of(HelpdeskEvent.class);
    }

    @Override
    public List<Class<? extends DomainCommand>> commands() {
        return List.of(HelpdeskCommand.class);
    }

    @Override
    public Object newState() {
        return new Helpdesk();
    }

    @Override
    public Verdict decide(Model model, Acting who, DomainCommand command, Instant now) {
        if (who.personId() == null) return Verdict.reject("forbidden", "Only people on the roster call the desk.");
        boolean reads = command instanceof HelpdeskCommand.HelpStatus || command instanceof HelpdeskCommand.MyMembers;
        if (!reads && model.roster().phase() == Phase.CLOSED) return Verdict.assemblyClosed();
        if (command instanceof HelpdeskCommand.MyMembers) {
            return new Verdict.Answered(
                    HelpdeskView.mine(desk(model), model.roster(), model.seating(), who.personId()));
        }
        boolean answers = who.leads();
        if (command instanceof HelpdeskCommand.AnswerHelpCall c && !answers && who.facilitatedGroup() > 0) {
            answers = model.seating()
                    .seatOf(c.personId())
                    .map(s -> s.group() == who.facilitatedGroup())
                    .orElse(false);
        }
        return HelpdeskDecider.decide(desk(model), who.personId(), answers, (HelpdeskCommand) command, now);
    }

    @Override
    public void evolve(Model model, DomainEvent event) {
        desk(model).evolve((HelpdeskEvent) event);
    }

    @Override
    public void view(Model model, Audience audience, ObjectNode view) {
        ObjectNode desk = HelpdeskView.project(desk(model), model.roster(), model.seating(), audience);
        if (!desk.isEmpty()) view.set(NAME, desk);
    }

    private static Helpdesk desk(Model model) {
        return model.slice(NAME, Helpdesk.class);
    }
}
