package org.assemblyhub.assembly.domain;

import static org.assemblyhub.assembly.domain.AssemblyFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.assembly.domain.AssemblyCommand.*;
import org.assemblyhub.assembly.domain.AssemblyEvent.*;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.Presence;
import org.assemblyhub.kernel.Role;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class AssemblyDeciderTest {

    @Nested
    class Creating {
        @Test
        void an_assembly_is_created_with_its_first_organiser_and_their_invitation() {
            Person olga = new Person("organiser-1", "Olga", null, Role.ORGANISER, Map.of());
            given().when(Actor.HUB, new CreateAssembly("a1", "  Climate  ", "How?", true, olga, "h1", null, null))
                    .thenEvents(
                            new AssemblyCreated("a1", "Climate", "How?", true, null, null),
                            new PeopleAdded(List.of(olga)),
                            new InvitationIssued("organiser-1", "h1"));
        }

        @Test
        void an_assembly_cannot_be_created_twice() {
            Person olga = new Person("organiser-1", "Olga", null, Role.ORGANISER, Map.of());
            givenAnAssembly()
                    .when(Actor.HUB, new CreateAssembly("a1", "Again", "", true, olga, "h2", null, null))
                    .thenRejected("assembly-exists");
        }

        @Test
        void an_assembly_needs_a_title() {
            Person olga = new Person("organiser-1", "Olga", null, Role.ORGANISER, Map.of());
            given().when(Actor.HUB, new CreateAssembly("a1", "   ", "", true, olga, "h1", null, null))
                    .thenRejected("title-empty");
        }

        @Test
        void commands_to_an_assembly_that_does_not_exist_are_refused() {
            given().when(ORGANISER, new Announce("hello")).thenRejected("no-such-assembly");
        }
    }

    @Nested
    class Roster {
        @Test
        void an_organiser_imports_people_each_with_an_invitation() {
            Person p = person("m3", Role.MEMBER);
            givenAnAssembly()
                    .when(ORGANISER, new ImportRoster(List.of(p), List.of("h-m3")))
                    .thenEvents(new PeopleAdded(List.of(p)), new InvitationIssued("m3", "h-m3"));
        }

        @Test
        void an_id_already_on_the_roster_is_refused_and_nobody_is_imported() {
            givenAnAssembly()
                    .when(
                            ORGANISER,
                            new ImportRoster(
                                    List.of(person("m9", Role.MEMBER), person("m1", Role.MEMBER)), List.of("x", "y")))
                    .thenRejected("duplicate-person");
        }

        @Test
        void a_member_cannot_import_a_roster() {
            givenAnAssembly()
                    .when(MEMBER, new ImportRoster(List.of(person("m3", Role.MEMBER)), List.of("h")))
                    .thenRejected("forbidden");
        }

        @Test
        void nobody_new_joins_once_deliberation_has_started() {
            givenAnAssembly(new PhaseChanged(Phase.ONBOARDING, Phase.DELIBERATION))
                    .when(ORGANISER, new ImportRoster(List.of(person("m3", Role.MEMBER)), List.of("h")))
                    .thenRejected("out-of-phase");
        }
    }

    @Nested
    class Invitations {
        @Test
        void a_new_invitation_replaces_the_old_one() {
            AssemblyState state = givenAnAssembly()
                    .when(ORGANISER, new IssueInvitation("m1", "h-new"))
                    .thenEvents(new InvitationIssued("m1", "h-new"))
                    .thenState();
            assertThat(state.personByTokenHash("h-m1")).isEmpty();
            assertThat(state.personByTokenHash("h-new")).map(Person::id).contains("m1");
        }

        @Test
        void a_revoked_invitation_no_longer_identifies_anyone() {
            AssemblyState state = givenAnAssembly()
                    .when(ORGANISER, new RevokeInvitation("m1"))
                    .thenEvents(new InvitationRevoked("m1"))
                    .thenState();
            assertThat(state.personByTokenHash("h-m1")).isEmpty();
        }

        @Test
        void an_organiser_cannot_revoke_their_own_invitation() {
            givenAnAssembly()
                    .when(ORGANISER, new RevokeInvitation("organiser-1"))
                    .thenRejected("cannot-revoke-self");
        }

        @Test
        void revoking_someone_without_an_invitation_is_refused() {
            givenAnAssembly().when(ORGANISER, new RevokeInvitation("m2")).thenRejected("no-active-invitation");
        }

        @Test
        void an_invitation_for_someone_not_on_the_roster_is_refused() {
            givenAnAssembly()
                    .when(ORGANISER, new IssueInvitation("nobody", "h"))
                    .thenRejected("no-such-person");
        }
    }

    @Nested
    class Phases {
        @Test
        void an_organiser_moves_the_assembly_to_the_next_phase() {
            givenAnAssembly()
                    .when(ORGANISER, new ChangePhase(Phase.LEARNING))
                    .thenEvents(new PhaseChanged(Phase.ONBOARDING, Phase.LEARNING));
        }

        @Test
        void a_facilitator_cannot_change_the_phase() {
            givenAnAssembly().when(FACILITATOR, new ChangePhase(Phase.LEARNING)).thenRejected("forbidden");
        }

        @Test
        void changing_to_the_current_phase_is_refused() {
            givenAnAssembly().when(ORGANISER, new ChangePhase(Phase.ONBOARDING)).thenRejected("phase-unchanged");
        }

        @Test
        void a_closed_assembly_stays_closed() {
            givenAnAssembly(new PhaseChanged(Phase.DECISION, Phase.CLOSED))
                    .when(ORGANISER, new ChangePhase(Phase.DECISION))
                    .thenRejected("assembly-closed");
        }
    }

    @Nested
    class Announcements {
        @Test
        void an_organiser_announces_to_everyone_with_the_time_it_was_made() {
            givenAnAssembly()
                    .when(ORGANISER, new Announce("  Welcome!  "))
                    .thenEvents(new AnnouncementMade("a1", "Welcome!", "organiser-1", NOW));
        }

        @Test
        void announcements_are_numbered_in_order() {
            givenAnAssembly(new AnnouncementMade("a1", "first", "organiser-1", NOW))
                    .when(ORGANISER, new Announce("second"))
                    .thenEvents(new AnnouncementMade("a2", "second", "organiser-1", NOW));
        }

        @Test
        void a_member_cannot_announce() {
            givenAnAssembly().when(MEMBER, new Announce("hi all")).thenRejected("forbidden");
        }

        @Test
        void an_empty_announcement_is_refused() {
            givenAnAssembly().when(ORGANISER, new Announce("   ")).thenRejected("text-empty");
        }

        @Test
        void an_announcement_over_the_limit_is_refused() {
            givenAnAssembly()
                    .when(ORGANISER, new Announce("x".repeat(AssemblyDecider.MAX_ANNOUNCEMENT + 1)))
                    .thenRejected("text-too-long");
        }

        @Test
        void nothing_is_announced_in_a_closed_assembly() {
            givenAnAssembly(new PhaseChanged(Phase.DECISION, Phase.CLOSED))
                    .when(ORGANISER, new Announce("too late"))
                    .thenRejected("assembly-closed");
        }
    }

    @Nested
    class Connections {
        @Test
        void the_first_connection_of_a_person_marks_them_present() {
            givenAnAssembly().when(Actor.HUB, new Presence.Mark("m1", true)).thenEvents(new PersonConnected("m1", NOW));
        }

        @Test
        void a_person_already_present_is_not_marked_again() {
            givenAnAssembly(new PersonConnected("m1", NOW))
                    .when(Actor.HUB, new Presence.Mark("m1", true))
                    .thenEvents();
        }

        @Test
        void only_the_hub_records_presence() {
            givenAnAssembly().when(MEMBER, new Presence.Mark("m1", true)).thenRejected("forbidden");
        }

        @Test
        void a_restart_clears_everyone_who_was_present() {
            AssemblyState state = givenAnAssembly(new PersonConnected("m1", NOW))
                    .when(Actor.HUB, new Presence.Reset())
                    .thenEvents(new PresenceReset())
                    .thenState();
            assertThat(state.present()).isEmpty();
        }
    }
}
