package org.assemblyhub.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A phone-only member (marked in the roster's CSV, never connected) is seated in a group; their group's dial-in PIN
 * reaches that group's facilitator and the lead — from a real local HTTP stand-in for Jigasi's services, over real
 * sockets — and nobody else: members and observers never receive a PIN. Moving them changes the PIN shown.
 */
class PhoneOnlyDialInTest {
    private HttpServer services;
    private TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        if (services != null) services.stop(0);
    }

    /** Each room's PIN, made from its name: 7 then nine digits, a string no other message would hold by chance. */
    static String pinOf(String room) {
        return "7" + String.format("%09d", Math.floorMod(room.hashCode(), 1_000_000_000));
    }

    private String startServices() throws IOException {
        services = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        services.createContext(
                "/numbers",
                exchange -> reply(exchange, "[{\"countryCode\":\"fr\",\"formattedNumber\":\"+33 1 23 45 67 89\"}]"));
        services.createContext("/mapper", exchange -> {
            String conference = URLDecoder.decode(
                    exchange.getRequestURI().getRawQuery().replace("conference=", ""), StandardCharsets.UTF_8);
            String room = conference.substring(0, conference.indexOf('@'));
            reply(exchange, "{\"conference\":\"" + conference + "\",\"id\":" + pinOf(room) + "}");
        });
        services.start();
        return "http://127.0.0.1:" + services.getAddress().getPort();
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private record Evening(TestHub.Setup setup, LiveClient lead, Map<String, LiveClient> people, LiveClient observer) {}

    /** Lead f0, facilitators f1 and f2, members m1–m12 connected, p1 phone-only (never connects); a round opens. */
    private Evening openRound(TestHub hub) {
        StringBuilder csv = new StringBuilder("id,name,role,phone-only\nf0,Lead,facilitator,\n"
                + "f1,Fac One,facilitator,\nf2,Fac Two,facilitator,\np1,Paulette Phone,member,oui\n");
        for (int i = 1; i <= 12; i++)
            csv.append("m").append(i).append(",Member ").append(i).append(",member,no\n");
        TestHub.Setup setup = hub.createAssembly(true, csv.toString());
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        assertThat(organiser
                        .awaitView(v -> v.path("roster").has("p1"))
                        .path("roster")
                        .path("p1")
                        .path("phoneOnly")
                        .asBoolean())
                .isTrue();
        LiveClient lead = hub.client(setup.token("f0")).join(setup.assemblyId());
        Map<String, LiveClient> people = new HashMap<>();
        people.put("organiser-1", organiser);
        for (String id : new String[] {"f1", "f2"})
            people.put(id, hub.client(setup.token(id)).join(setup.assemblyId()));
        for (int i = 1; i <= 12; i++)
            people.put("m" + i, hub.client(setup.token("m" + i)).join(setup.assemblyId()));
        LiveClient observer = hub.client(null).join(setup.assemblyId());
        organiser.awaitView(v -> v.path("roster").path("m12").path("online").asBoolean());
        lead.call("plan", "plan-breakouts", new JsonObject().put("minSize", 6).put("maxSize", 7));
        lead.call("open", "open-breakouts", new JsonObject());
        lead.awaitView(v -> v.path("breakouts").path("open").asBoolean());
        return new Evening(setup, lead, people, observer);
    }

    private static int groupOf(LiveClient lead, String personId) {
        JsonNode groups = lead.awaitView(
                        v -> v.path("breakouts").path("groups").toString().contains(personId))
                .path("breakouts")
                .path("groups");
        for (var it = groups.fields(); it.hasNext(); ) {
            var g = it.next();
            if (g.getValue().path("members").has(personId)) return Integer.parseInt(g.getKey());
        }
        throw new AssertionError(personId + " sits in no group");
    }

    /** The facilitator (f1 or f2) of a group, from their own view. */
    private static String facilitatorOf(Evening e, int group) {
        for (String f : List.of("f1", "f2")) {
            int mine = e.people()
                    .get(f)
                    .awaitView(v ->
                            v.path("breakouts").path("myGroup").path("number").asInt() > 0)
                    .path("breakouts")
                    .path("myGroup")
                    .path("number")
                    .asInt();
            if (mine == group) return f;
        }
        throw new AssertionError("nobody facilitates group " + group);
    }

    private static String roomOf(LiveClient client) {
        return client.call("vj", "video-join", new JsonObject())
                .path("result")
                .path("room")
                .asText();
    }

    @Test
    void a_phone_only_member_gets_their_groups_pin_through_their_facilitator_and_a_move_updates_it() throws Exception {
        String base = startServices();
        hub = new TestHub(new VideoConfig(
                        VideoConfig.Provider.JITSI,
                        "127.0.0.1:1",
                        "assembly-hub",
                        "jitsi-app-secret-0123456789-abcdefghij",
                        "jitsi",
                        List.of(),
                        10)
                .withDialIn(base + "/numbers", base + "/mapper"));
        Evening e = openRound(hub);
        int group = groupOf(e.lead(), "p1");
        int other = group == 1 ? 2 : 1;
        LiveClient fac = e.people().get(facilitatorOf(e, group));
        LiveClient otherFac = e.people().get(facilitatorOf(e, other));
        String pin = pinOf(roomOf(fac));
        String otherPin = pinOf(roomOf(otherFac));
        assertThat(fac.awaitView(v -> v.path("breakouts")
                                .path("myGroup")
                                .path("members")
                                .has("p1"))
                        .path("breakouts")
                        .path("myGroup")
                        .path("members")
                        .path("p1")
                        .path("phoneOnly")
                        .asBoolean())
                .isTrue();

        JsonNode line = fac.call("d1", "phone-dial-in", new JsonObject()).path("result");
        assertThat(line.path("provider").asText()).isEqualTo("jitsi");
        assertThat(line.path("groups")).hasSize(1);
        assertThat(line.path("groups").get(0).path("group").asInt()).isEqualTo(group);
        assertThat(line.path("groups")
                        .get(0)
                        .path("members")
                        .get(0)
                        .path("name")
                        .asText())
                .isEqualTo("Paulette Phone");
        assertThat(line.path("groups").get(0).path("dialIn").path("pin").asText())
                .isEqualTo(pin);
        assertThat(line.path("groups")
                        .get(0)
                        .path("dialIn")
                        .path("numbers")
                        .get(0)
                        .path("number")
                        .asText())
                .isEqualTo("+33 1 23 45 67 89");
        assertThat(otherFac.call("d2", "phone-dial-in", new JsonObject())
                        .path("result")
                        .path("groups"))
                .isEmpty();
        JsonNode desk = e.lead().call("d3", "phone-dial-in", new JsonObject()).path("result");
        assertThat(desk.path("groups").get(0).path("dialIn").path("pin").asText())
                .isEqualTo(pin);

        for (String id : List.of("m1", "m2", "m3")) {
            assertThat(e.people()
                            .get(id)
                            .call("d4", "phone-dial-in", new JsonObject())
                            .path("code")
                            .asText())
                    .isEqualTo("forbidden");
        }
        assertThat(e.observer()
                        .call("d5", "phone-dial-in", new JsonObject())
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");

        e.lead()
                .call(
                        "move",
                        "move-member",
                        new JsonObject().put("personId", "p1").put("group", other));
        otherFac.awaitView(
                v -> v.path("breakouts").path("myGroup").path("members").has("p1"));
        JsonNode moved = otherFac.call("d6", "phone-dial-in", new JsonObject()).path("result");
        assertThat(moved.path("groups").get(0).path("dialIn").path("pin").asText())
                .isEqualTo(otherPin);
        assertThat(fac.call("d7", "phone-dial-in", new JsonObject())
                        .path("result")
                        .path("groups"))
                .isEmpty();

        // Canary: no member, in either group, and no observer ever received either PIN.
        for (int i = 1; i <= 12; i++) {
            assertThat(String.join("\n", e.people().get("m" + i).frames()))
                    .doesNotContain(pin)
                    .doesNotContain(otherPin);
        }
        assertThat(String.join("\n", e.observer().frames()))
                .doesNotContain(pin)
                .doesNotContain(otherPin)
                .doesNotContain("Paulette");
    }

    @Test
    void with_the_built_in_mesh_the_facilitator_learns_who_is_phone_only_and_that_nobody_can_dial_in() {
        hub = new TestHub();
        Evening e = openRound(hub);
        int group = groupOf(e.lead(), "p1");
        LiveClient fac = e.people().get(facilitatorOf(e, group));
        JsonNode line = fac.call("d1", "phone-dial-in", new JsonObject()).path("result");
        assertThat(line.path("provider").asText()).isEqualTo("mesh");
        assertThat(line.path("groups").get(0).path("members").get(0).path("id").asText())
                .isEqualTo("p1");
        assertThat(line.path("groups").get(0).has("dialIn")).isFalse();
    }
}
