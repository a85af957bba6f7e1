package org.assemblyhub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.plug.Answers;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * An assembly with a bit of everything, driven through a running hub's event bus as the gateways do: a roster with
 * attributes, people connected, a lead, a breakout round with ideas, notes, hands, a promoted and published idea, a
 * poll answered and closed, a draft amended, a secret ballot cast and closed, announcements.
 */
final class BusyAssembly {
    static final int MEMBERS = 16;

    private final EngineClient engines;
    final String id;
    final Map<String, String> tokens = new LinkedHashMap<>();
    private final Random random = new Random(42);
    private int commands;
    private final String keys = UUID.randomUUID().toString().substring(0, 8);
    private int ideas;

    /** Member m1's personal data when {@link #canary} is set: erasure tests look for each of them everywhere. */
    static final String CANARY_NAME = "Zoé Canaryname-7f3a";

    static final String CANARY_CONTACT = "zoe.canarycontact-7f3a@example.org";
    static final String CANARY_AREA = "canaryarea-7f3a";
    static final String CANARY_NOTE = "Canarynote-7f3a: may I speak?";
    static final String CANARY_MESSAGE = "Canarymessage-7f3a: I live at 3 rue des Lilas";
    private boolean canary;

    BusyAssembly(Vertx hubVertx, String id) {
        this.engines = new EngineClient(hubVertx);
        this.id = id;
    }

    /** Member m1 gets the canary name, contact and area, raises a hand with a note and posts a message. */
    BusyAssembly withCanary() {
        canary = true;
        return this;
    }

    /** What the engine gives a socket of {@code audience} that joins now (a snapshot of its view), as JSON text. */
    String view(String audience) {
        return await(engines.engine(id, "sync", new JsonObject().put("audience", audience)))
                .encode();
    }

    /** A command by anyone, answered as the engine answers it (an error included). */
    JsonObject ask(String personId, String role, String name, JsonObject args) {
        return await(engines.engine(
                id,
                "command",
                new JsonObject()
                        .put("actor", person(personId, role))
                        .put("name", name)
                        .put("args", args)
                        .put("key", keys + "-" + (++commands))));
    }

    private static JsonObject await(Future<JsonObject> answer) {
        try {
            return answer.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonObject command(JsonObject actor, String name, JsonObject args) {
        JsonObject body = new JsonObject()
                .put("actor", actor)
                .put("name", name)
                .put("args", args)
                .put("key", keys + "-" + (++commands));
        JsonObject answer = await(engines.engine(id, "command", body));
        assertThat(Answers.isError(answer))
                .as(name + " " + args + " → " + answer)
                .isFalse();
        return answer;
    }

    private static JsonObject hub() {
        return new JsonObject().put("hub", true);
    }

    private static JsonObject person(String personId, String role) {
        return new JsonObject().put("personId", personId).put("role", role);
    }

    private String audienceOf(String personId) {
        return await(engines.engine(id, "identify", new JsonObject().put("token", tokens.get(personId))))
                .getString("audience");
    }

    /** Creates the assembly and seats everyone; the first breakout round, poll and draft. */
    void firstEvening() {
        JsonObject created = await(engines.registry(
                "create",
                new JsonObject()
                        .put("id", id)
                        .put("title", "Snapshots")
                        .put("question", "Does it replay?")
                        .put("public", true)
                        .put("organiserName", "Olga")));
        assertThat(Answers.isError(created)).as(created.encode()).isFalse();
        JsonArray people = new JsonArray();
        people.add(new JsonObject().put("id", "f0").put("name", "Lead").put("role", "facilitator"));
        for (int f = 1; f <= 2; f++)
            people.add(new JsonObject()
                    .put("id", "f" + f)
                    .put("name", "Facilitator " + f)
                    .put("role", "facilitator"));
        String[] areas = {"north", "south", "centre"};
        for (int m = 1; m <= MEMBERS; m++) {
            boolean isCanary = canary && m == 1;
            JsonObject person = new JsonObject()
                    .put("id", "m" + m)
                    .put("name", isCanary ? CANARY_NAME : "Member " + m)
                    .put("role", "member")
                    .put(
                            "attributes",
                            new JsonObject()
                                    .put("area", isCanary ? CANARY_AREA : areas[m % 3])
                                    .put("age", m % 2 == 0 ? "young" : "old"));
            if (isCanary) person.put("contact", CANARY_CONTACT);
            people.add(person);
        }
        JsonObject imported = command(hub(), "import-roster", new JsonObject().put("people", people));
        imported.getJsonObject("result")
                .getJsonObject("tokens")
                .forEach(e -> tokens.put(e.getKey(), (String) e.getValue()));
        int connection = 0;
        for (String personId : tokens.keySet()) {
            await(engines.engine(
                    id,
                    "join",
                    new JsonObject().put("token", tokens.get(personId)).put("connectionId", "c" + (++connection))));
        }
        command(hub(), "appoint-lead", new JsonObject().put("personId", "f0"));
        command(hub(), "change-phase", new JsonObject().put("phase", "deliberation"));
        command(hub(), "announce", new JsonObject().put("text", "Welcome, everyone"));
        breakoutRound();
        poll("p1", "Which first?");
        JsonObject analysis = new JsonObject()
                .put("benefits", "Cleaner air")
                .put("costs", "2 M€")
                .put("implementers", "The city");
        command(
                person("f0", "facilitator"),
                "propose-draft",
                new JsonObject()
                        .put("title", "Cycle lanes")
                        .put("text", "Build protected cycle lanes.")
                        .put("analysis", analysis));
        command(
                person("f0", "facilitator"),
                "amend-draft",
                new JsonObject()
                        .put("draftId", "d1")
                        .put("baseVersion", 1)
                        .put("title", "Cycle lanes")
                        .put("text", "Build protected cycle lanes by 2030.")
                        .put("analysis", analysis)
                        .put("note", "A date"));
    }

    /** What happens after the snapshot: another round, a ballot, more announcements. */
    void secondEvening() {
        breakoutRound();
        command(hub(), "change-phase", new JsonObject().put("phase", "decision"));
        command(
                person("f0", "facilitator"),
                "open-ballot",
                new JsonObject().put("title", "Final vote").put("draftIds", new JsonArray().add("d1")));
        List<Future<JsonObject>> casts = new ArrayList<>();
        for (int m = 1; m <= MEMBERS; m++) {
            byte[] secret = new byte[16];
            random.nextBytes(secret);
            JsonObject args = new JsonObject()
                    .put("ballotId", "b1")
                    .put("levels", new JsonArray().add(1 + m % 5))
                    .put("secret", HexFormat.of().formatHex(secret));
            casts.add(engines.engine(
                    id,
                    "command",
                    new JsonObject()
                            .put("actor", person("m" + m, "member"))
                            .put("name", "cast-ballot")
                            .put("args", args)
                            .put("key", "cast" + m)));
        }
        casts.forEach(c -> assertThat(Answers.isError(await(c))).isFalse());
        command(person("f0", "facilitator"), "close-ballot", new JsonObject().put("ballotId", "b1"));
        for (int i = 0; i < 5; i++) command(hub(), "announce", new JsonObject().put("text", "Later news " + i));
    }

    /** A few announcements. */
    void tail(int count) {
        for (int i = 0; i < count; i++) command(hub(), "announce", new JsonObject().put("text", "Tail " + i));
    }

    private void breakoutRound() {
        command(
                person("f0", "facilitator"),
                "plan-breakouts",
                new JsonObject().put("minSize", 5).put("maxSize", 6));
        command(person("f0", "facilitator"), "open-breakouts", new JsonObject());
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (String personId : tokens.keySet()) {
            String audience = audienceOf(personId);
            if (audience.contains("@"))
                byGroup.computeIfAbsent(audience.substring(audience.indexOf('@') + 1), g -> new ArrayList<>())
                        .add(personId);
        }
        for (List<String> group : byGroup.values()) {
            String facilitator =
                    group.stream().filter(p -> p.startsWith("f")).findFirst().orElse(null);
            String firstIdea = null;
            for (String personId : group) {
                if (!personId.startsWith("m")) continue;
                command(person(personId, "member"), "add-idea", new JsonObject().put("text", "Idea of " + personId));
                if (firstIdea == null) firstIdea = "i" + (++ideas);
                else ideas++;
                if (canary && personId.equals("m1")) {
                    command(person(personId, "member"), "raise-hand", new JsonObject().put("note", CANARY_NOTE));
                    command(person(personId, "member"), "post-message", new JsonObject().put("text", CANARY_MESSAGE));
                } else {
                    command(person(personId, "member"), "raise-hand", new JsonObject());
                }
            }
            String member =
                    group.stream().filter(p -> p.startsWith("m")).findFirst().orElseThrow();
            command(
                    person(member, "member"),
                    "edit-notes",
                    new JsonObject().put("text", "Notes of the group of " + member));
            if (facilitator != null) {
                command(person(facilitator, "facilitator"), "give-floor", new JsonObject().put("personId", member));
                command(person(facilitator, "facilitator"), "promote-idea", new JsonObject().put("ideaId", firstIdea));
                command(person("f0", "facilitator"), "publish-harvest", new JsonObject().put("ideaId", firstIdea));
            }
        }
        command(person("f0", "facilitator"), "close-breakouts", new JsonObject());
    }

    private void poll(String pollId, String question) {
        command(
                person("f0", "facilitator"),
                "open-poll",
                new JsonObject()
                        .put("kind", "single")
                        .put("question", question)
                        .put(
                                "options",
                                new JsonArray().add("Trees").add("Bikes").add("Buses")));
        for (int m = 1; m <= MEMBERS; m++) {
            command(
                    person("m" + m, "member"),
                    "answer-poll",
                    new JsonObject().put("pollId", pollId).put("choices", new JsonArray().add(random.nextInt(3))));
        }
        command(person("f0", "facilitator"), "close-poll", new JsonObject().put("pollId", pollId));
    }
}
