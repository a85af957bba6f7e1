package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Several organisations on one hub, over real HTTP and sockets: the operator creates each with its first
 * administrator; administrators create their assemblies, add administrators and open any of their assemblies as
 * organisers; a public page lists the public ones; and nothing of organisation A ever reaches an answer to B's
 * administrator or B's public page (canaries).
 */
class OrganisationsTest {
    private static final String CANARY_TITLE = "Canary-private-a-93f";
    private static final String CANARY_QUESTION = "Canary-question-a-93f";

    private final List<String> answersToB = new ArrayList<>();

    private static String tokenOf(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private static HttpResponse<String> get(TestHub hub, String path, String bearer) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(hub.url() + path)).GET();
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return hub.send(request.build());
    }

    private static HttpResponse<String> post(TestHub hub, String path, String bearer, JsonObject body) {
        return hub.post(path, "application/json", bearer, body.encode());
    }

    private HttpResponse<String> asB(HttpResponse<String> response) {
        answersToB.add(response.body());
        return response;
    }

    private static String code(HttpResponse<String> response) {
        return new JsonObject(response.body()).getString("code");
    }

    @Test
    void each_organisation_runs_its_own_assemblies_and_nothing_of_one_reaches_another() {
        try (TestHub hub = new TestHub()) {
            assertThat(code(post(hub, "/api/organisations", null, new JsonObject().put("name", "X"))))
                    .isEqualTo("bootstrap-required");
            var createdA = post(
                    hub,
                    "/api/organisations",
                    TestHub.BOOTSTRAP,
                    new JsonObject().put("id", "ville-a").put("name", "Ville A").put("adminName", "Alice"));
            assertThat(createdA.statusCode()).as(createdA.body()).isEqualTo(201);
            var createdB = post(
                    hub,
                    "/api/organisations",
                    TestHub.BOOTSTRAP,
                    new JsonObject().put("id", "asso-b").put("name", "Asso B").put("adminName", "Bob"));
            String alice = tokenOf(new JsonObject(createdA.body()).getString("adminLink"));
            String bob = tokenOf(new JsonObject(createdB.body()).getString("adminLink"));
            assertThat(code(post(
                            hub,
                            "/api/organisations",
                            TestHub.BOOTSTRAP,
                            new JsonObject()
                                    .put("id", "ville-a")
                                    .put("name", "Again")
                                    .put("adminName", "Eve"))))
                    .isEqualTo("organisation-exists");

            var hidden = post(
                    hub,
                    "/api/organisations/ville-a/assemblies",
                    alice,
                    new JsonObject()
                            .put("title", CANARY_TITLE)
                            .put("question", CANARY_QUESTION)
                            .put("public", false)
                            .put("languages", new JsonArray().add("fr").add("en"))
                            .put("startsOn", "2027-01-09")
                            .put("endsOn", "2027-03-20"));
            assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(201);
            String hiddenId = new JsonObject(hidden.body()).getString("id");
            var open = post(
                    hub,
                    "/api/organisations/ville-a/assemblies",
                    alice,
                    new JsonObject().put("title", "Public A").put("public", true));
            String openId = new JsonObject(open.body()).getString("id");
            assertThat(code(post(
                            hub,
                            "/api/organisations/ville-a/assemblies",
                            alice,
                            new JsonObject().put("title", "T").put("languages", new JsonArray().add("de")))))
                    .isEqualTo("invalid-args");
            assertThat(code(post(
                            hub,
                            "/api/organisations/ville-a/assemblies",
                            alice,
                            new JsonObject()
                                    .put("title", "T")
                                    .put("startsOn", "2027-02-01")
                                    .put("endsOn", "2027-01-01"))))
                    .isEqualTo("invalid-args");

            LiveClient organiser = hub.client(tokenOf(new JsonObject(hidden.body()).getString("organiserLink")))
                    .join(hiddenId);
            organiser.awaitAudience("organiser");

            // Bob administers B: every door of A is shut to him, and nothing of A comes back.
            assertThat(code(asB(get(hub, "/api/organisations/ville-a", bob)))).isEqualTo("wrong-organisation");
            assertThat(code(asB(post(
                            hub,
                            "/api/organisations/ville-a/assemblies",
                            bob,
                            new JsonObject().put("title", "Intrusion")))))
                    .isEqualTo("wrong-organisation");
            assertThat(code(asB(post(
                            hub,
                            "/api/organisations/ville-a/assemblies/" + hiddenId + "/organiser-link",
                            bob,
                            new JsonObject()))))
                    .isEqualTo("wrong-organisation");
            assertThat(code(asB(post(
                            hub,
                            "/api/organisations/asso-b/assemblies/" + hiddenId + "/organiser-link",
                            bob,
                            new JsonObject()))))
                    .as("another organisation's assembly does not exist for B")
                    .isEqualTo("no-such-assembly");
            var bOverview = asB(get(hub, "/api/organisations/asso-b", bob));
            assertThat(bOverview.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(bOverview.body()).getJsonArray("assemblies"))
                    .isEmpty();
            asB(get(hub, "/api/organisations/asso-b/public", null));
            assertThat(String.join("\n", answersToB)).doesNotContain(CANARY_TITLE, CANARY_QUESTION, hiddenId, openId);

            var publicA = new JsonObject(
                    get(hub, "/api/organisations/ville-a/public", null).body());
            assertThat(publicA.getString("name")).isEqualTo("Ville A");
            assertThat(publicA.getJsonArray("assemblies").encode())
                    .contains("Public A")
                    .doesNotContain(CANARY_TITLE, hiddenId);
            var overviewA =
                    new JsonObject(get(hub, "/api/organisations/ville-a", alice).body());
            assertThat(overviewA.getJsonArray("assemblies").encode())
                    .contains(CANARY_TITLE, "Public A", "2027-01-09", "\"en\"");

            // A second administrator, who opens the private assembly as an organiser of their own.
            var added = post(hub, "/api/organisations/ville-a/admins", alice, new JsonObject().put("name", "Amir"));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            String amir = tokenOf(new JsonObject(added.body()).getString("adminLink"));
            var seat = post(
                    hub,
                    "/api/organisations/ville-a/assemblies/" + hiddenId + "/organiser-link",
                    amir,
                    new JsonObject());
            assertThat(seat.statusCode()).as(seat.body()).isEqualTo(200);
            LiveClient amirLive = hub.client(tokenOf(new JsonObject(seat.body()).getString("link")))
                    .join(hiddenId);
            amirLive.awaitAudience("organiser");
            assertThat(amirLive.call("a1", "announce", new JsonObject().put("text", "Hello from Amir"))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
        }
    }

    @Test
    void an_assembly_created_with_video_and_ballot_defaults_starts_with_them_and_its_organiser_can_turn_calls_off() {
        try (TestHub hub = new TestHub()) {
            var created = post(
                    hub,
                    "/api/organisations",
                    TestHub.BOOTSTRAP,
                    new JsonObject().put("id", "ville-d").put("name", "Ville D").put("adminName", "Dora"));
            String dora = tokenOf(new JsonObject(created.body()).getString("adminLink"));
            String path = "/api/organisations/ville-d/assemblies";
            assertThat(code(post(
                            hub,
                            path,
                            dora,
                            new JsonObject().put("title", "T").put("video", new JsonObject().put("camera", "off")))))
                    .isEqualTo("invalid-args");
            assertThat(code(post(
                            hub,
                            path,
                            dora,
                            new JsonObject()
                                    .put("title", "T")
                                    .put("ballotRule", new JsonObject().put("threshold", "7/5")))))
                    .isEqualTo("invalid-args");
            assertThat(new JsonObject(
                                    get(hub, "/api/organisations/ville-d", dora).body())
                            .getJsonArray("assemblies"))
                    .as("nothing created by a refused request")
                    .isEmpty();

            var made = post(
                    hub,
                    path,
                    dora,
                    new JsonObject()
                            .put("title", "Climat")
                            .put("video", new JsonObject().put("camera", false).put("microphone", false))
                            .put(
                                    "ballotRule",
                                    new JsonObject()
                                            .put("threshold", "2/3")
                                            .put("base", "ballots-cast")
                                            .putNull("quorum")));
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            String id = new JsonObject(made.body()).getString("id");
            String link = tokenOf(new JsonObject(made.body()).getString("organiserLink"));
            LiveClient organiser = hub.client(link).join(id);
            organiser.awaitAudience("organiser");
            JsonNode me = organiser
                    .await(m -> m.path("type").asText().equals("personal"))
                    .path("me");
            assertThat(me.path("video").asText()).isEqualTo("mesh");
            assertThat(me.path("joinWith").path("camera").asBoolean(true)).isFalse();
            assertThat(me.path("joinWith").path("microphone").asBoolean(true)).isFalse();
            ObjectNode view = organiser.awaitView(v -> v.has("ballotRule"));
            assertThat(view.path("ballotRule").path("rule").asText())
                    .startsWith("threshold=2/3 base=ballots-cast")
                    .contains("quorum=none");
            assertThat(view.path("videoDefaults").path("calls").asBoolean()).isTrue();

            organiser.command("v1", "set-video", new JsonObject().put("calls", false));
            assertThat(organiser.awaitClose()).as("the socket identifies again").isEqualTo((short) 1013);
            LiveClient again = hub.client(link).join(id);
            again.awaitAudience("organiser");
            assertThat(again.call("v1", "set-video", new JsonObject().put("calls", false))
                            .path("type")
                            .asText())
                    .as("sent again after reconnecting, as the web client does: acknowledged")
                    .isEqualTo("ack");
            assertThat(again.await(m -> m.path("type").asText().equals("personal"))
                            .path("me")
                            .path("video")
                            .asText())
                    .isEqualTo("none");
            assertThat(again.call("j1", "video-join", new JsonObject())
                            .path("code")
                            .asText())
                    .isEqualTo("video-off");
        }
    }

    private static HttpResponse<String> delete(TestHub hub, String path, String bearer) {
        return hub.send(HttpRequest.newBuilder(URI.create(hub.url() + path))
                .DELETE()
                .header("Authorization", "Bearer " + bearer)
                .build());
    }

    @Test
    void a_removed_administrator_loses_the_console_and_every_organiser_seat_and_a_new_link_ends_the_old_one() {
        try (TestHub hub = new TestHub()) {
            var created = post(
                    hub,
                    "/api/organisations",
                    TestHub.BOOTSTRAP,
                    new JsonObject().put("id", "ville-e").put("name", "Ville E").put("adminName", "Alice"));
            String alice = tokenOf(new JsonObject(created.body()).getString("adminLink"));
            String admins = "/api/organisations/ville-e/admins";
            String amir = tokenOf(new JsonObject(post(hub, admins, alice, new JsonObject().put("name", "Amir"))
                            .body())
                    .getString("adminLink"));
            var zoeAdded = new JsonObject(post(hub, admins, alice, new JsonObject().put("name", "Zoé"))
                    .body());
            assertThat(zoeAdded.getString("id")).isEqualTo("a3");
            String zoe = tokenOf(zoeAdded.getString("adminLink"));

            var byAlice = new JsonObject(
                    post(hub, "/api/organisations/ville-e/assemblies", alice, new JsonObject().put("title", "Budget"))
                            .body());
            String budget = byAlice.getString("id");
            var byZoe = new JsonObject(
                    post(hub, "/api/organisations/ville-e/assemblies", zoe, new JsonObject().put("title", "Mobilité"))
                            .body());
            String mobility = byZoe.getString("id");
            LiveClient zoeFirstOrganiser =
                    hub.client(tokenOf(byZoe.getString("organiserLink"))).join(mobility);
            zoeFirstOrganiser.awaitAudience("organiser");
            var zoeSeat = new JsonObject(post(
                            hub,
                            "/api/organisations/ville-e/assemblies/" + budget + "/organiser-link",
                            zoe,
                            new JsonObject())
                    .body());
            LiveClient zoeInBudget =
                    hub.client(tokenOf(zoeSeat.getString("link"))).join(budget);
            zoeInBudget.awaitAudience("organiser");

            assertThat(code(delete(hub, admins + "/a1", alice))).isEqualTo("cannot-remove-self");
            assertThat(code(delete(hub, admins + "/a9", alice))).isEqualTo("no-such-admin");

            var renewed = post(hub, admins + "/a2/link", alice, new JsonObject());
            assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
            String amirAgain = tokenOf(new JsonObject(renewed.body()).getString("adminLink"));
            assertThat(code(get(hub, "/api/organisations/ville-e", amir))).isEqualTo("admin-required");
            assertThat(get(hub, "/api/organisations/ville-e", amirAgain).statusCode())
                    .isEqualTo(200);

            var removed = delete(hub, admins + "/a3", alice);
            assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
            assertThat(new JsonObject(removed.body()).getInteger("seatsEnded"))
                    .as("her seat in Budget and the first organiser's of Mobilité, which she created")
                    .isEqualTo(2);
            assertThat(new JsonObject(removed.body()).getJsonArray("seatsLeft")).isEmpty();
            assertThat(zoeInBudget.awaitClose()).isEqualTo((short) 4401);
            assertThat(zoeFirstOrganiser.awaitClose()).isEqualTo((short) 4401);
            assertThat(code(get(hub, "/api/organisations/ville-e", zoe))).isEqualTo("admin-required");
            var again = new JsonObject(delete(hub, admins + "/a3", alice).body());
            assertThat(again.getBoolean("alreadyRemoved"))
                    .as("removing again (an answer lost on its way) ends her seats again")
                    .isTrue();
            assertThat(again.getInteger("seatsEnded")).isZero();
            var overview =
                    new JsonObject(get(hub, "/api/organisations/ville-e", alice).body());
            assertThat(overview.getJsonArray("admins").encode())
                    .contains("Amir")
                    .doesNotContain("Zoé");

            var next = new JsonObject(post(hub, admins, alice, new JsonObject().put("name", "Nina"))
                    .body());
            assertThat(next.getString("id"))
                    .as("a removed administrator's id, and with it their seats, is never given again")
                    .isEqualTo("a4");
        }
    }

    @Test
    void an_administrators_link_signs_the_browser_in_and_a_cookie_alone_cannot_change_anything_from_elsewhere() {
        try (TestHub hub = new TestHub()) {
            var created = post(
                    hub,
                    "/api/organisations",
                    TestHub.BOOTSTRAP,
                    new JsonObject().put("name", "Ville C").put("adminName", "Chloé"));
            JsonObject org = new JsonObject(created.body());
            String link = org.getString("adminLink");
            String id = org.getString("id");
            assertThat(id).startsWith("ville-c-");

            var page = hub.send(HttpRequest.newBuilder(URI.create(link)).GET().build());
            assertThat(page.statusCode()).as("opening the link changes nothing").isEqualTo(200);
            assertThat(page.body()).contains("Chloé", "data-testid=\"admin-continue\"");
            assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
            var fromElsewhere = hub.send(HttpRequest.newBuilder(URI.create(link))
                    .header("Origin", "https://evil.example")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(fromElsewhere.statusCode()).as("login CSRF").isEqualTo(403);
            var signIn = hub.send(HttpRequest.newBuilder(URI.create(link))
                    .header("Origin", hub.url())
                    .header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(signIn.statusCode()).isEqualTo(303);
            assertThat(signIn.headers().firstValue("Location")).contains("/o/" + id + "/admin");
            String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie)
                    .startsWith("ah_admin=")
                    .containsIgnoringCase("HttpOnly")
                    .contains("SameSite=Lax");

            String cookieValue = cookie.substring(0, cookie.indexOf(';'));
            var read = hub.send(HttpRequest.newBuilder(URI.create(hub.url() + "/api/organisations/" + id))
                    .header("Cookie", cookieValue)
                    .GET()
                    .build());
            assertThat(read.statusCode()).isEqualTo(200);
            var forged = hub.send(HttpRequest.newBuilder(URI.create(hub.url() + "/api/organisations/" + id + "/admins"))
                    .header("Cookie", cookieValue)
                    .header("Content-Type", "application/json")
                    .header("Origin", "https://evil.example")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Mallory\"}"))
                    .build());
            assertThat(code(forged)).isEqualTo("cross-site-request");
            var bad = hub.send(HttpRequest.newBuilder(URI.create(hub.url() + "/admin/" + id + ".not-a-token"))
                    .GET()
                    .build());
            assertThat(bad.statusCode()).isEqualTo(404);
            assertThat(code(get(hub, "/api/organisations/" + id, id + ".forged")))
                    .isEqualTo("admin-required");
            assertThat(code(get(hub, "/api/organisations/" + id, "Not/An.Id"))).isEqualTo("admin-required");
        }
    }
}
