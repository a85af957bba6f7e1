package org.assemblyhub.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Jitsi tokens as the hub issues them over real sockets, checked with another maintained JWT library (Nimbus). */
class JitsiTokenTest {
    static final String SECRET = "jitsi-app-secret-0123456789-abcdefghij";
    static TestHub hub;
    static final Map<String, LiveClient> people = new HashMap<>();
    static final Map<Integer, List<String>> membersOf = new HashMap<>();
    static final Map<Integer, String> facilitatorOf = new HashMap<>();

    @BeforeAll
    static void twoGroupsMeetOnJitsi() {
        hub = new TestHub(new VideoConfig(
                VideoConfig.Provider.JITSI, "meet.example.org", "assembly-hub", SECRET, "jitsi", List.of(), 10));
        StringBuilder csv =
                new StringBuilder("id,name,role\nf0,Lead,facilitator\nf1,Fac One,facilitator\nf2,Fac Two,facilitator\n"
                        + "o1,Press Reporter,observer\n");
        for (int i = 1; i <= 14; i++)
            csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
        TestHub.Setup setup = hub.createAssembly(true, csv.toString());
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        people.put("f0", hub.client(setup.token("f0")).join(setup.assemblyId()));
        people.put("observer", hub.client(null).join(setup.assemblyId()));
        people.put("o1", hub.client(setup.token("o1")).join(setup.assemblyId()));
        for (String id : new String[] {"f1", "f2"})
            people.put(id, hub.client(setup.token(id)).join(setup.assemblyId()));
        for (int i = 1; i <= 14; i++)
            people.put("m" + i, hub.client(setup.token("m" + i)).join(setup.assemblyId()));
        organiser.awaitView(v -> v.path("roster").path("m14").path("online").asBoolean());
        people.get("f0").call("plan", "plan-breakouts", new JsonObject());
        people.get("f0").call("open", "open-breakouts", new JsonObject());
        for (Map.Entry<String, LiveClient> p : people.entrySet()) {
            if (!p.getKey().matches("[mf][0-9]+") || p.getKey().equals("f0")) continue;
            int g = p.getValue()
                    .awaitView(v ->
                            v.path("breakouts").path("myGroup").path("number").asInt(0) > 0)
                    .path("breakouts")
                    .path("myGroup")
                    .path("number")
                    .asInt();
            if (p.getKey().startsWith("f")) facilitatorOf.put(g, p.getKey());
            else membersOf.computeIfAbsent(g, k -> new ArrayList<>()).add(p.getKey());
        }
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static JsonNode join(String who, String room) {
        JsonObject args = room == null ? new JsonObject() : new JsonObject().put("room", room);
        return people.get(who).call("vj-" + who + "-" + room, "video-join", args);
    }

    private static JWTClaimsSet verified(String jwt) throws Exception {
        SignedJWT token = SignedJWT.parse(jwt);
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(token.getHeader().getType().toString()).isEqualTo("JWT");
        assertThat(token.verify(new MACVerifier(SECRET.getBytes()))).isTrue();
        assertThat(token.verify(new MACVerifier("another-secret-of-enough-length-0123456".getBytes())))
                .isFalse();
        return token.getJWTClaimsSet();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> user(JWTClaimsSet claims) {
        return (Map<String, Object>) ((Map<String, Object>) claims.getClaim("context")).get("user");
    }

    @Test
    void a_member_gets_a_short_lived_token_for_their_own_group_room_with_every_claim_jitsi_checks() throws Exception {
        String member = membersOf.get(1).get(0);
        JsonNode answer = join(member, null).path("result");
        JWTClaimsSet claims = verified(answer.path("jwt").asText());

        assertThat(answer.path("provider").asText()).isEqualTo("jitsi");
        assertThat(answer.path("domain").asText()).isEqualTo("meet.example.org");
        assertThat(answer.path("room").asText()).startsWith("group1-").hasSize("group1-".length() + 20);
        assertThat(claims.getIssuer()).isEqualTo("assembly-hub");
        assertThat(claims.getAudience()).containsExactly("jitsi");
        assertThat(claims.getSubject()).isEqualTo("meet.example.org");
        assertThat(claims.getStringClaim("room")).isEqualTo(answer.path("room").asText());
        Instant now = Instant.now();
        assertThat(claims.getExpirationTime().toInstant())
                .isBetween(now.plusSeconds(9 * 60), now.plusSeconds(10 * 60 + 5));
        assertThat(claims.getNotBeforeTime().toInstant()).isBefore(now);
        assertThat(user(claims))
                .containsEntry("name", "Member " + member.substring(1))
                .containsEntry("moderator", false)
                .containsEntry("affiliation", "member");
        // Jitsi shows a participant's identity to the others in the room: an opaque id, never the organisers' person
        // id.
        assertThat((String) user(claims).get("id")).matches("u[a-z2-9]{16}").isNotEqualTo(member);
    }

    @Test
    void only_the_rooms_facilitators_are_moderators_and_the_lead_moderates_the_plenary() throws Exception {
        JsonNode facilitator = join(facilitatorOf.get(2), null).path("result");
        assertThat(user(verified(facilitator.path("jwt").asText())))
                .containsEntry("moderator", true)
                .containsEntry("affiliation", "owner");
        assertThat(facilitator.path("room").asText()).startsWith("group2-");

        JsonNode lead = join("f0", null).path("result");
        assertThat(lead.path("room").asText()).startsWith("plenary-");
        assertThat(user(verified(lead.path("jwt").asText()))).containsEntry("moderator", true);

        JsonNode observer = join("observer", null).path("result");
        assertThat(observer.path("room").asText()).isEqualTo(lead.path("room").asText());
        assertThat(user(verified(observer.path("jwt").asText()))).containsEntry("moderator", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_observers_token_grants_watching_the_plenary_as_a_jitsi_visitor_only() throws Exception {
        JsonNode answer = join("observer", null).path("result");
        JWTClaimsSet claims = verified(answer.path("jwt").asText());
        String plenary = join("f0", null).path("result").path("room").asText();

        assertThat(answer.path("watchOnly").asBoolean()).isTrue();
        assertThat(answer.has("dialIn")).as("a phone joins as a participant").isFalse();
        assertThat(claims.getStringClaim("room")).isEqualTo(plenary);
        assertThat(user(claims))
                .containsEntry("role", "visitor")
                .containsEntry("visitor", true)
                .containsEntry("moderator", false)
                .containsEntry("id", "observer")
                .doesNotContainKey("affiliation");
        Map<String, Object> features =
                (Map<String, Object>) ((Map<String, Object>) claims.getClaim("context")).get("features");
        assertThat(features).containsEntry("recording", false).containsEntry("livestreaming", false);
        assertThat(features.values()).isNotEmpty().allMatch(Boolean.FALSE::equals);
        assertThat(join("observer", "group1-whatever").path("code").asText()).isEqualTo("not-your-room");

        JsonNode member = join(membersOf.get(1).get(0), null).path("result");
        assertThat(user(verified(member.path("jwt").asText()))).doesNotContainKey("visitor");
        assertThat(member.has("watchOnly")).isFalse();
    }

    @Test
    void an_observer_invited_by_name_watches_as_a_visitor_too_never_with_a_participants_token_or_the_phone_pin()
            throws Exception {
        JsonNode answer = join("o1", null).path("result");
        assertThat(answer.path("watchOnly").asBoolean()).isTrue();
        assertThat(answer.has("dialIn")).isFalse();
        assertThat(answer.has("iceServers") && !answer.path("iceServers").isEmpty())
                .isFalse();
        Map<String, Object> user = user(verified(answer.path("jwt").asText()));
        assertThat(user)
                .containsEntry("role", "visitor")
                .containsEntry("moderator", false)
                .containsEntry("id", "observer");
        assertThat(user.toString()).doesNotContain("Press Reporter");
    }

    @Test
    void a_token_for_another_groups_room_is_refused() {
        String otherRoom =
                join(membersOf.get(2).get(0), null).path("result").path("room").asText();
        JsonNode refused = join(membersOf.get(1).get(0), otherRoom);

        assertThat(refused.path("type").asText()).isEqualTo("error");
        assertThat(refused.path("code").asText()).isEqualTo("not-your-room");
        assertThat(refused.toString()).doesNotContain("jwt");
    }

    @Test
    void room_names_are_unguessable_and_differ_per_group_and_round() {
        String g1 =
                join(membersOf.get(1).get(0), null).path("result").path("room").asText();
        String g2 =
                join(membersOf.get(2).get(0), null).path("result").path("room").asText();
        assertThat(g1).isNotEqualTo(g2).doesNotContain(hub.toString());
        assertThat(VideoRoom.of(RoomKeys.fromSecret(SECRET), "a1", 1, 1).name())
                .isNotEqualTo(
                        VideoRoom.of(RoomKeys.fromSecret(SECRET), "a1", 2, 1).name())
                .isNotEqualTo(VideoRoom.of(RoomKeys.fromSecret("another-secret-of-enough-length-0123456"), "a1", 1, 1)
                        .name());
    }
}
