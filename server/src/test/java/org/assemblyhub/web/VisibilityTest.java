package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Who sees what (DESIGN.md §7), checked on the wire: canary strings are planted in organiser-only fields (contact,
 * attributes) and in facilitator-visible ones (names), then every frame each audience received is scanned.
 */
class VisibilityTest {
    static final String CONTACT_CANARY = "CANARY-CONTACT-7f3a";
    static final String ATTRIBUTE_CANARY = "CANARY-ATTRIBUTE-91c2";
    static final String NAME_CANARY = "CANARY-NAME-d4e8";
    static final String ROSTER =
            """
            id,name,contact,role,area
            f1,Fatou,f1@example.org,facilitator,north
            m1,Aïcha,m1@example.org,member,north
            m2,%s,%s,member,%s
            """
                    .formatted(NAME_CANARY, CONTACT_CANARY, ATTRIBUTE_CANARY);

    static TestHub hub;
    static TestHub.Setup setup;
    static LiveClient observer;
    static LiveClient member;
    static LiveClient facilitator;
    static LiveClient organiser;

    @BeforeAll
    static void everyoneWatchesWhileTheCanaryPersonComesAndGoes() {
        hub = new TestHub();
        setup = hub.createAssembly(true, ROSTER);
        observer = hub.client(null).join(setup.assemblyId());
        member = hub.client(setup.token("m1")).join(setup.assemblyId());
        facilitator = hub.client(setup.token("f1")).join(setup.assemblyId());
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());

        LiveClient canaryPerson = hub.client(setup.token("m2")).join(setup.assemblyId());
        organiser.awaitView(v -> v.path("roster").path("m2").path("online").asBoolean());
        organiser.call("v-1", "announce", new JsonObject().put("text", "Everyone sees this"));
        organiser.call("v-2", "change-phase", new JsonObject().put("phase", "learning"));
        canaryPerson.close();
        organiser.awaitView(v -> !v.path("roster").path("m2").path("online").asBoolean());
        for (LiveClient c : List.of(observer, member, facilitator, organiser)) {
            c.awaitView(v -> v.path("phase").asText().equals("learning"));
        }
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static String everything(LiveClient client) {
        return String.join("\n", client.frames());
    }

    @Test
    void observers_never_receive_personal_data_names_or_presence() {
        assertThat(everything(observer))
                .doesNotContain(CONTACT_CANARY, ATTRIBUTE_CANARY, NAME_CANARY, "presence", "roster");
    }

    @Test
    void members_never_receive_personal_data_names_or_presence() {
        assertThat(everything(member))
                .doesNotContain(CONTACT_CANARY, ATTRIBUTE_CANARY, NAME_CANARY, "presence", "roster");
    }

    @Test
    void facilitators_see_names_and_presence_but_never_contact_details_or_attributes() {
        assertThat(everything(facilitator)).contains(NAME_CANARY).doesNotContain(CONTACT_CANARY, ATTRIBUTE_CANARY);
    }

    @Test
    void organisers_see_the_whole_roster() {
        assertThat(everything(organiser)).contains(NAME_CANARY, CONTACT_CANARY, ATTRIBUTE_CANARY);
    }

    @Test
    void everyone_sees_the_plenary_announcements_and_phase() {
        for (LiveClient c : List.of(observer, member, facilitator, organiser)) {
            assertThat(c.view().path("announcements").toString()).contains("Everyone sees this");
            assertThat(c.view().path("phase").asText()).isEqualTo("learning");
        }
    }

    @Test
    void each_audience_receives_exactly_the_sections_of_its_view() {
        assertThat(observer.view().fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("assembly", "phase", "announcements");
        assertThat(member.view().fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("assembly", "phase", "announcements");
        assertThat(facilitator.view().fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("assembly", "phase", "announcements", "presence");
        assertThat(organiser.view().fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("assembly", "phase", "announcements", "roster", "helpdesk");
        assertThat(facilitator.view().path("presence").path("m2").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("name", "role", "online");
    }

    @Test
    void each_role_is_placed_in_its_own_audience() {
        assertThat(observer.audience()).isEqualTo("observer");
        assertThat(member.audience()).isEqualTo("member");
        assertThat(facilitator.audience()).isEqualTo("facilitator");
        assertThat(organiser.audience()).isEqualTo("organiser");
    }

    @Test
    void no_frame_ever_carries_an_invitation_token_to_anyone_but_the_organiser_who_asked() {
        String memberToken = setup.token("m2");
        for (LiveClient c : List.of(observer, member, facilitator, organiser)) {
            assertThat(everything(c)).doesNotContain(memberToken.substring(memberToken.indexOf('.') + 1));
        }
    }
}
