package org.assemblyhub.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.support.Jackson;
import org.assemblyhub.testing.JournalEditor;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.*;
import java.util.concurrent.TimeUnit;

/**
 * A journal written by the hub before its engine was restructured (a whole evening: roster, script, two breakout
 * rounds with cards, notes, hands, a group poll and the harvest, plenary polls, a consensus round, drafts amended, a
 * secret ballot, the second round left open) replays to the same views for every audience. The journal and the
 * views are test resources; {@code -Dgolden.write=true} writes them anew (only ever from a hub whose behaviour is the
 * reference).
 */
class GoldenEveningTest {
    static final String ID = "golden-evening";
    static final Path RESOURCES = Path.of("src/test/resources/golden");
    static final List<String> AUDIENCES = List.of(
            "observer",
            "member",
            "facilitator",
            "lead",
            "organiser",
            "member@1",
            "member@2",
            "facilitator@1",
            "facilitator@2");

    @Test
    void a_journal_written_before_the_restructure_replays_to_the_same_views_for_every_audience() throws Exception {
        Path data = TestHub.newDataDir();
        Files.createDirectories(data.resolve("journal"));
        Files.copy(RESOURCES.resolve("evening.journal"), data.resolve("journal").resolve(ID + ".journal"));
        try (TestHub hub = new TestHub(data, TestHub.freePort())) {
            Map<String, String> views = views(hub);
            Path actual = Path.of("target", "golden-actual"); // to diff when it fails
            Files.createDirectories(actual);
            for (Map.Entry<String, String> v : views.entrySet())
                Files.writeString(actual.resolve(v.getKey() + ".json"), v.getValue() + "\n");
            for (String audience : AUDIENCES) {
                String expected = Files.readString(
                        RESOURCES.resolve("views").resolve(audience + ".json"), StandardCharsets.UTF_8);
                // Equal as JSON: objects compare key by key (some maps are immutable maps, whose order changes from
                // one JVM run to the next, before and after any restructuring), arrays element by element.
                assertThat(Jackson.MAPPER.readTree(views.get(audience)))
                        .as(audience + " (see target/golden-actual)")
                        .isEqualTo(Jackson.MAPPER.readTree(expected));
            }
        }
    }

    /** Each audience's snapshot as the engine serves it (without joining: nobody's presence changes). */
    static Map<String, String> views(TestHub hub) throws Exception {
        EngineClient engines = new EngineClient(hub.vertx());
        Map<String, String> views = new LinkedHashMap<>();
        for (String audience : AUDIENCES) {
            JsonObject answer = engines.engine(ID, "sync", new JsonObject().put("audience", audience))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            JsonNode snapshot =
                    Jackson.MAPPER.readTree(answer.getJsonArray("messages").getString(0));
            views.put(
                    audience,
                    Jackson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(snapshot.path("view")));
        }
        return views;
    }

    @Test
    @EnabledIfSystemProperty(named = "golden.write", matches = "true")
    void write_the_golden_evening() throws Exception {
        Path data = TestHub.newDataDir();
        try (TestHub hub = new TestHub(data, TestHub.freePort(), 200)) {
            new Evening(hub).run();
            hub.stop();
            hub.start(); // the restart appends what a restart does (presence reset); the journal is then final
            Map<String, String> views = views(hub);
            Files.createDirectories(RESOURCES.resolve("views"));
            for (Map.Entry<String, String> v : views.entrySet()) {
                Files.writeString(RESOURCES.resolve("views").resolve(v.getKey() + ".json"), v.getValue() + "\n");
            }
            hub.stop();
            Files.copy(
                    JournalEditor.journal(data, ID),
                    RESOURCES.resolve("evening.journal"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The evening, driven over real sockets as people would. */
    static final class Evening {
        final TestHub hub;
        final Map<String, LiveClient> people = new LinkedHashMap<>();
        TestHub.Setup setup;

        Evening(TestHub hub) {
            this.hub = hub;
        }

        LiveClient p(String id) {
            return people.get(id);
        }

        void run() throws Exception {
            StringBuilder csv = new StringBuilder("id,name,role,gender,area\nf0,Léa Lead,facilitator,f,north\n");
            for (int f = 1; f <= 2; f++)
                csv.append("f").append(f).append(",Facilitator ").append(f).append(",facilitator,m,south\n");
            for (int m = 1; m <= 14; m++) {
                csv.append("m")
                        .append(m)
                        .append(",Member ")
                        .append(m)
                        .append(",member,")
                        .append(m % 2 == 0 ? "f" : "m")
                        .append(",")
                        .append(m % 3 == 0 ? "north" : "south")
                        .append("\n");
            }
            var created = hub.post(
                    "/api/assemblies",
                    "application/json",
                    TestHub.BOOTSTRAP,
                    new JsonObject()
                            .put("id", ID)
                            .put("title", "Golden evening")
                            .put("question", "How do we halve emissions?")
                            .put("public", true)
                            .put("organiserName", "Olga Organiser")
                            .encode());
            String organiserToken = TestHub.tokenOf(new JsonObject(created.body()).getString("organiserLink"));
            var imported = new JsonObject(
                    hub.post("/api/assemblies/" + ID + "/roster", "text/csv", organiserToken, csv.toString())
                            .body());
            Map<String, String> tokens = new LinkedHashMap<>();
            tokens.put("organiser-1", organiserToken);
            for (Object o : imported.getJsonArray("people")) {
                JsonObject person = (JsonObject) o;
                tokens.put(person.getString("id"), TestHub.tokenOf(person.getString("link")));
            }
            setup = new TestHub.Setup(ID, tokens);
            String yaml = Files.readString(Path.of("../assembly-scripts/examples/deliberation-evening.yaml"));
            hub.post("/api/assemblies/" + ID + "/script", "text/yaml", organiserToken, yaml);
            for (String id : tokens.keySet())
                people.put(id, hub.client(tokens.get(id)).join(ID));
            LiveClient organiser = p("organiser-1");
            LiveClient lead = p("f0");
            organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            organiser.call("phase", "change-phase", new JsonObject().put("phase", "deliberation"));
            organiser.call("a1", "announce", new JsonObject().put("text", "Bienvenue ! Welcome."));
            lead.call("start", "start-session", new JsonObject().put("sessionId", "evening"));
            lead.call("pause", "pause-session", new JsonObject());
            lead.call("resume", "resume-session", new JsonObject());

            Map<Integer, List<String>> round1 = openRound(lead, "1");
            String card = null;
            for (Map.Entry<Integer, List<String>> g : round1.entrySet()) {
                List<String> inGroup = g.getValue();
                String member = inGroup.stream()
                        .filter(x -> x.startsWith("m"))
                        .findFirst()
                        .orElseThrow();
                JsonNode added = p(member)
                        .call(
                                "idea-" + g.getKey(),
                                "add-idea",
                                new JsonObject().put("text", "Idea of group " + g.getKey()));
                if (card == null) card = added.path("result").path("ideaId").asText();
                p(member)
                        .call(
                                "notes-" + g.getKey(),
                                "edit-notes",
                                new JsonObject().put("text", "Notes of group " + g.getKey()));
                p(member).call("hand-" + g.getKey(), "raise-hand", new JsonObject());
            }
            String facilitator1 = round1.get(1).stream()
                    .filter(x -> x.startsWith("f"))
                    .findFirst()
                    .orElseThrow();
            p(facilitator1).call("promote", "promote-idea", new JsonObject().put("ideaId", card));
            lead.call("publish", "publish-harvest", new JsonObject().put("ideaId", card));
            String groupPoll = p(facilitator1)
                    .call(
                            "gp",
                            "open-poll",
                            new JsonObject()
                                    .put("kind", "single")
                                    .put("question", "Tea or coffee?")
                                    .put("options", new JsonArray().add("tea").add("coffee"))
                                    .put("secret", false))
                    .path("result")
                    .path("pollId")
                    .asText();
            for (String m : round1.get(1)) {
                if (m.startsWith("m"))
                    p(m).call(
                                    "gpa-" + m,
                                    "answer-poll",
                                    new JsonObject().put("pollId", groupPoll).put("choices", new JsonArray().add(0)));
            }
            lead.call("close1", "close-breakouts", new JsonObject());

            String poll = lead.call(
                            "p1",
                            "open-poll",
                            new JsonObject()
                                    .put("kind", "ranking")
                                    .put("question", "Rank the measures")
                                    .put(
                                            "options",
                                            new JsonArray()
                                                    .add("Trees")
                                                    .add("Bikes")
                                                    .add("Buses")))
                    .path("result")
                    .path("pollId")
                    .asText();
            String round = lead.call(
                            "r1",
                            "open-poll",
                            new JsonObject().put("kind", "gradients").put("question", "Agree on trees?"))
                    .path("result")
                    .path("pollId")
                    .asText();
            for (int m = 1; m <= 14; m++) {
                p("m" + m)
                        .call(
                                "rank" + m,
                                "answer-poll",
                                new JsonObject()
                                        .put("pollId", poll)
                                        .put(
                                                "choices",
                                                new JsonArray()
                                                        .add(m % 3)
                                                        .add((m + 1) % 3)
                                                        .add((m + 2) % 3)));
                p("m" + m)
                        .call(
                                "agree" + m,
                                "answer-poll",
                                new JsonObject()
                                        .put("pollId", round)
                                        .put("value", 1 + m % 8)
                                        .put("text", m % 8 >= 6 ? "Reason " + m : null));
            }
            lead.call("cp1", "close-poll", new JsonObject().put("pollId", poll));
            lead.call("cr1", "close-poll", new JsonObject().put("pollId", round));

            JsonObject analysis = new JsonObject()
                    .put("benefits", "Cleaner air")
                    .put("costs", "2 M€")
                    .put("implementers", "The city");
            String draft = lead.call(
                            "d1",
                            "propose-draft",
                            new JsonObject()
                                    .put("title", "Cycle lanes")
                                    .put("text", "Build protected cycle lanes.")
                                    .put("analysis", analysis))
                    .path("result")
                    .path("draftId")
                    .asText();
            lead.call(
                    "d2",
                    "amend-draft",
                    new JsonObject()
                            .put("draftId", draft)
                            .put("baseVersion", 1)
                            .put("title", "Cycle lanes")
                            .put("text", "Build protected cycle lanes by 2030.")
                            .put("analysis", analysis)
                            .put("note", "A date"));
            organiser.call("phase2", "change-phase", new JsonObject().put("phase", "decision"));
            String ballot = lead.call(
                            "b",
                            "open-ballot",
                            new JsonObject().put("title", "Final vote").put("draftIds", new JsonArray().add(draft)))
                    .path("result")
                    .path("ballotId")
                    .asText();
            SecureRandom random = new SecureRandom();
            List<String> ids = new ArrayList<>();
            for (int m = 1; m <= 14; m++) {
                byte[] secret = new byte[16];
                random.nextBytes(secret);
                String id = "cast" + m;
                ids.add(id);
                p("m" + m)
                        .command(
                                id,
                                "cast-ballot",
                                new JsonObject()
                                        .put("ballotId", ballot)
                                        .put("levels", new JsonArray().add(1 + m % 5))
                                        .put("secret", HexFormat.of().formatHex(secret)));
            }
            for (int m = 1; m <= 14; m++) {
                String id = ids.get(m - 1);
                p("m" + m).await(x -> id.equals(x.path("id").asText()));
            }
            lead.call("cb", "close-ballot", new JsonObject().put("ballotId", ballot));
            lead.call("end", "end-session", new JsonObject());
            openRound(lead, "2"); // left open: group audiences exist when the views are taken
        }

        private Map<Integer, List<String>> openRound(LiveClient lead, String number) {
            lead.call(
                    "plan" + number,
                    "plan-breakouts",
                    new JsonObject().put("minSize", 5).put("maxSize", 8));
            lead.call("open" + number, "open-breakouts", new JsonObject());
            Map<Integer, List<String>> groups = new LinkedHashMap<>();
            for (Map.Entry<String, LiveClient> p : people.entrySet()) {
                if (!p.getKey().startsWith("m") && !p.getKey().startsWith("f")
                        || p.getKey().equals("f0")) continue;
                int n = p.getValue()
                        .awaitView(v -> v.path("breakouts").path("round").asInt() == Integer.parseInt(number)
                                && v.path("breakouts")
                                                .path("myGroup")
                                                .path("number")
                                                .asInt(0)
                                        > 0)
                        .path("breakouts")
                        .path("myGroup")
                        .path("number")
                        .asInt();
                groups.computeIfAbsent(n, k -> new ArrayList<>()).add(p.getKey());
            }
            return new TreeMap<>(groups);
        }
    }
}
