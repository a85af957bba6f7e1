package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Observers really watch (issue 15), over real sockets with the built-in mesh: they read the drafts put to a vote and
 * every public record, never group work (canaries in a group's notes and in a draft no ballot names), send no sound
 * or picture and are in no one's peers or participant lists; the organiser's live stream reaches them.
 */
class ObserversWatchTest {
    static final String NOTES_CANARY = "CANARY-NOTES-5b1e";
    static final String GROUP_DRAFT_CANARY = "CANARY-GROUP-DRAFT-77c0";
    static final String VOTED_TEXT = "Free buses on Sundays for everyone.";

    static TestHub hub;
    static TestHub.Setup setup;
    static LiveClient organiser;
    static LiveClient lead;
    static LiveClient observer;
    static final Map<String, LiveClient> people = new LinkedHashMap<>();
    static final List<JsonNode> videoJoins = new ArrayList<>();
    static String voted;

    @BeforeAll
    static void groupsWorkThenADraftIsPutToAVoteWhileObserversWatch() {
        hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 50);
        StringBuilder csv = new StringBuilder(
                "id,name,role\nf0,Lead,facilitator\nf1,Fac One,facilitator\nf2,Fac Two,facilitator\n");
        for (int i = 1; i <= 10; i++)
            csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
        setup = hub.createAssembly(true, csv.toString());
        observer = hub.client(null).join(setup.assemblyId());
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        organiser.call("phase", "change-phase", new JsonObject().put("phase", "deliberation"));
        lead = hub.client(setup.token("f0")).join(setup.assemblyId());
        for (String id : new String[] {"f1", "f2"})
            people.put(id, hub.client(setup.token(id)).join(setup.assemblyId()));
        for (int i = 1; i <= 10; i++)
            people.put("m" + i, hub.client(setup.token("m" + i)).join(setup.assemblyId()));
        organiser.awaitView(v -> v.path("roster").path("m10").path("online").asBoolean());

        lead.call("plan", "plan-breakouts", new JsonObject());
        lead.call("open", "open-breakouts", new JsonObject());
        for (LiveClient p : people.values())
            p.awaitView(v -> v.path("breakouts").path("myGroup").path("number").asInt(0) > 0);
        LiveClient f1 = people.get("f1");
        f1.call("notes", "edit-notes", new JsonObject().put("text", "We said " + NOTES_CANARY));
        assertThat(f1.call(
                                "group-draft",
                                "propose-draft",
                                new JsonObject().put("title", "Group idea").put("text", GROUP_DRAFT_CANARY))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        for (Map.Entry<String, LiveClient> p : people.entrySet())
            videoJoins.add(p.getValue().call("vj-" + p.getKey(), "video-join", new JsonObject()));
        lead.call("close", "close-breakouts", new JsonObject());

        voted = lead.call(
                        "voted-draft",
                        "propose-draft",
                        new JsonObject().put("title", "Sunday buses").put("text", VOTED_TEXT))
                .path("result")
                .path("draftId")
                .asText();
        organiser.call("decide", "change-phase", new JsonObject().put("phase", "decision"));
        assertThat(lead.call(
                                "ballot",
                                "open-ballot",
                                new JsonObject().put("title", "Final vote").put("draftIds", new JsonArray().add(voted)))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        observer.awaitView(v -> v.path("ballots").size() == 1);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void an_observer_opens_the_drafts_of_an_open_ballot_as_they_were_put_to_the_vote() {
        JsonNode drafts = observer.awaitView(v -> v.path("drafts").has(voted)).path("drafts");
        assertThat(drafts.size()).isEqualTo(1);
        JsonNode draft = drafts.path(voted);
        assertThat(draft.path("text").asText()).isEqualTo(VOTED_TEXT);
        assertThat(draft.path("underVote").asBoolean()).isTrue();
        assertThat(draft.has("analysis")).isTrue();
        assertThat(draft.has("versions"))
                .as("no versions list: it names who wrote them")
                .isFalse();
    }

    @Test
    void an_observer_never_sees_a_draft_still_in_group_work_nor_group_notes() {
        observer.awaitView(v -> v.path("drafts").has(voted));
        assertThat(String.join("\n", observer.frames())).doesNotContain(GROUP_DRAFT_CANARY, NOTES_CANARY);
        HttpResponse<String> openData = hub.get("/api/assemblies/" + setup.assemblyId() + "/open-data.json", null);
        assertThat(openData.statusCode()).isEqualTo(200);
        assertThat(openData.body()).contains(VOTED_TEXT).doesNotContain(GROUP_DRAFT_CANARY, NOTES_CANARY);
    }

    @Test
    void an_observer_joins_no_call_and_gets_no_peers_nor_relay_credentials() {
        JsonNode answer =
                observer.call("vj-observer", "video-join", new JsonObject()).path("result");
        assertThat(answer.path("watchOnly").asBoolean()).isTrue();
        assertThat(answer.path("peers").size()).isZero();
        assertThat(answer.has("iceServers") || answer.has("me") || answer.has("relay"))
                .isFalse();
    }

    @Test
    void observers_are_in_no_peer_list_of_any_call() {
        // Each group's call lists exactly the other people of the group (members and facilitators).
        Map<Integer, Integer> sizes = new LinkedHashMap<>();
        for (JsonNode join : videoJoins)
            sizes.merge(join.path("result").path("group").asInt(), 1, Integer::sum);
        for (JsonNode join : videoJoins) {
            JsonNode result = join.path("result");
            assertThat(result.path("group").asInt()).isPositive();
            assertThat(result.path("peers").size())
                    .isEqualTo(sizes.get(result.path("group").asInt()) - 1);
        }
        // In the plenary the organiser's stage peers are the lead only, however many observers watch.
        for (int i = 0; i < 3; i++) hub.client(null).join(setup.assemblyId());
        JsonNode stage =
                organiser.call("vj-organiser", "video-join", new JsonObject()).path("result");
        assertThat(stage.path("peers").size()).isEqualTo(1);
        Set<String> everyPeer = new HashSet<>();
        videoJoins.forEach(j -> j.path("result").path("peers").forEach(p -> everyPeer.add(p.asText())));
        stage.path("peers").forEach(p -> everyPeer.add(p.asText()));
        assertThat(everyPeer).doesNotContain("observer", "");
    }

    @Test
    void observers_are_in_no_participant_list_of_any_view() {
        Set<String> roster = new HashSet<>(List.of("organiser-1", "f0", "f1", "f2"));
        for (int i = 1; i <= 10; i++) roster.add("m" + i);
        organiser.view().path("roster").fieldNames().forEachRemaining(id -> assertThat(roster)
                .contains(id));
        assertThat(organiser.view().path("roster").size()).isEqualTo(roster.size());
        lead.view().path("presence").fieldNames().forEachRemaining(id -> assertThat(roster)
                .contains(id));
        people.get("f1").view().path("presence").fieldNames().forEachRemaining(id -> assertThat(roster)
                .contains(id));
        assertThat(people.get("f1").view().path("presence").size()).isEqualTo(roster.size());
    }

    @Test
    void the_organisers_live_stream_is_checked_and_reaches_observers_with_its_own_page_policy() {
        String id = setup.assemblyId();
        assertThat(organiser
                        .call("s1", "set-live-stream", new JsonObject().put("url", "http://example.org/a.m3u8"))
                        .path("code")
                        .asText())
                .isEqualTo("stream-url-invalid");
        assertThat(organiser
                        .call(
                                "s2",
                                "set-live-stream",
                                new JsonObject().put("url", "https://user:secret@media.example.org/live.m3u8"))
                        .path("code")
                        .asText())
                .isEqualTo("stream-url-credentials");
        assertThat(organiser
                        .call("s3", "set-live-stream", new JsonObject().put("url", "https://x.org/" + "a".repeat(2000)))
                        .path("code")
                        .asText())
                .isEqualTo("stream-url-invalid");
        assertThat(people.get("m1")
                        .call("s4", "set-live-stream", new JsonObject().put("url", "https://x.org/live.m3u8"))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");

        organiser.call(
                "s5",
                "set-live-stream",
                new JsonObject()
                        .put("url", "https://media.example.org/live/plenary.m3u8")
                        .put("captions", true));
        JsonNode stream = observer.awaitView(v -> v.path("watch").path("stream").has("url"))
                .path("watch")
                .path("stream");
        assertThat(stream.path("kind").asText()).isEqualTo("hls");
        assertThat(stream.path("origin").asText()).isEqualTo("https://media.example.org");
        assertThat(stream.path("captions").asBoolean()).isTrue();
        HttpResponse<String> page = hub.get("/stream/" + id, null);
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp)
                .contains("media-src 'self' blob: https://media.example.org")
                .contains("connect-src 'self' https://media.example.org")
                .contains("frame-src 'none'")
                .contains("frame-ancestors 'self'");
        assertThat(page.body()).contains("data-src=\"https://media.example.org/live/plenary.m3u8\"", "hls.min.js");
        assertThat(page.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()");

        organiser.call(
                "s6",
                "set-live-stream",
                new JsonObject().put("url", "https://peertube.example.org/videos/embed/abc-123"));
        observer.awaitView(
                v -> v.path("watch").path("stream").path("kind").asText().equals("embed"));
        page = hub.get("/stream/" + id + "?lang=fr", null);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-src https://peertube.example.org")
                .contains("media-src 'self' blob:;");
        assertThat(page.body()).contains("<iframe", "title=\"Direct de la plénière\"");
        assertThat(people.get("m1").view().has("watch"))
                .as("members are in the calls")
                .isFalse();

        organiser.call("s7", "set-live-stream", new JsonObject().put("url", ""));
        observer.awaitView(v -> !v.has("watch"));
        assertThat(hub.get("/stream/" + id, null).body()).contains("data-testid=\"no-stream\"");
    }

    @Test
    void public_records_are_cacheable_and_answer_304_when_unchanged() {
        String path = "/api/assemblies/" + setup.assemblyId() + "/open-data.json";
        HttpResponse<String> first = hub.get(path, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=10");
        HttpResponse<String> again = hub.send(HttpRequest.newBuilder(URI.create(hub.url() + path))
                .header("If-None-Match", etag)
                .GET()
                .build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(hub.get(path, setup.token("m1")).headers().firstValue("Cache-Control"))
                .hasValue("private, no-cache");
    }

    @Test
    void a_live_stream_survives_a_restart() {
        try (TestHub own = new TestHub()) {
            TestHub.Setup s = own.createAssembly(true, "id,name,role\nm1,Member,member\n");
            own.client(s.token("organiser-1"))
                    .join(s.assemblyId())
                    .call("s", "set-live-stream", new JsonObject().put("url", "https://media.example.org/x.m3u8"));
            own.stop();
            own.start();
            JsonNode stream = own.client(null)
                    .join(s.assemblyId())
                    .awaitView(v -> v.path("watch").has("stream"))
                    .path("watch")
                    .path("stream");
            assertThat(stream.path("url").asText()).isEqualTo("https://media.example.org/x.m3u8");
        }
    }
}
