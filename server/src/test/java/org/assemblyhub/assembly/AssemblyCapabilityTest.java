package org.assemblyhub.assembly;

import static org.assemblyhub.testing.Given.FACILITATOR;
import static org.assemblyhub.testing.Given.LEAD;
import static org.assemblyhub.testing.Given.NOW;
import static org.assemblyhub.testing.Given.ORGANISER;
import static org.assemblyhub.testing.Given.given;
import static org.assemblyhub.testing.Given.givenAnAssembly;

import org.assemblyhub.assembly.domain.AssemblyCommand.Announce;
import org.assemblyhub.assembly.domain.AssemblyEvent.AnnouncementMade;
import org.assemblyhub.assembly.domain.AssemblyEvent.PersonConnected;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Presence;
import org.assemblyhub.session.domain.SessionCommand.PauseSession;
import org.assemblyhub.session.domain.SessionEvent.LeadAppointed;
import org.junit.jupiter.api.Test;

class AssemblyCapabilityTest {
    @Test
    void the_appointed_lead_announces_to_every_screen_like_an_organiser() {
        givenAnAssembly(new LeadAppointed("f1"))
                .when(LEAD, new Announce("Back in two minutes"))
                .thenEvents(new AnnouncementMade("a1", "Back in two minutes", "f1", NOW));
    }

    @Test
    void another_facilitator_cannot_announce() {
        givenAnAssembly(new LeadAppointed("f1"))
                .when(FACILITATOR, new Announce("Hello all"))
                .thenRejected("forbidden");
    }

    @Test
    void nothing_but_creating_it_happens_in_an_assembly_that_does_not_exist() {
        given().when(ORGANISER, new PauseSession()).thenRejected("no-such-assembly");
        given().when(ORGANISER, new Announce("Hello")).thenRejected("no-such-assembly");
    }

    @Test
    void the_hub_marks_a_person_present_when_their_first_socket_opens() {
        givenAnAssembly().when(Actor.HUB, new Presence.Mark("m3", true)).thenEvents(new PersonConnected("m3", NOW));
    }
}
