package org.assemblyhub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.PersonalData;
import org.assemblyhub.kernel.PersonalField;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.support.Jackson;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * A person's own data as one JSON document (their right of access and portability): what the roster holds about
 * them, everything they wrote under their name, and when they took part — read from the journal on a worker, their
 * sealed fields opened with their key. Their choices in polls and ballots are left out: they are secret, and a
 * document that proves a vote is what vote buyers ask for.
 */
final class PersonalExport {
    static final String FORMAT = "assembly-hub personal data 1";
    /** Events about a person that the export leaves out entirely (how, or when, they voted). */
    private static final Set<String> SECRET = Set.of("BallotVoted", "PollAnswered", "VoterAdded");

    private PersonalExport() {}

    /** Reads the person from {@code model} now (on the engine's thread), their journal records on a worker. */
    static Future<JsonObject> export(
            Rules rules,
            EventStore store,
            PersonalSeals seals,
            String assemblyId,
            Model model,
            String personId,
            Instant now) {
        Person person = model.roster().person(personId).orElse(null);
        if (person == null)
            return Future.succeededFuture(
                    Answers.error("no-such-person", "Nobody with id '" + personId + "' is on the roster."));
        boolean erased = model.roster().erased().contains(personId);
        JsonObject about = new JsonObject()
                .put("id", person.id())
                .put("name", person.displayName())
                .put("contact", person.contact())
                .put("role", person.role().wire())
                .put("attributes", new JsonObject(new LinkedHashMap<String, Object>(person.attributes())))
                .put("phoneOnly", model.roster().phoneOnly().contains(personId))
                .put("erased", erased);
        JsonArray written = new JsonArray();
        JsonArray activity = new JsonArray();
        return store.replay(assemblyId, 0, record -> {
                    EventCodec.Chained chained = rules.codec().decodeChained(record, seals);
                    RecordedEvent recorded = chained.recorded();
                    String type = recorded.event().getClass().getSimpleName();
                    // Secret first: an open answer's words would tell who answered what in a secret poll.
                    if (SECRET.contains(type)) return;
                    JsonNode data = Jackson.MAPPER.valueToTree(recorded.event());
                    JsonObject fields = new JsonObject();
                    if (recorded.event() instanceof PersonalData personal) {
                        for (PersonalField f : personal.personalFields()) {
                            if (!f.personId().equals(personId)) continue;
                            JsonNode value = data.at(f.pointer());
                            if (value.isMissingNode() || value.isNull()) fields.putNull(f.pointer());
                            else fields.put(f.pointer(), value.isTextual() ? value.asText() : value.toString());
                        }
                    }
                    if (!fields.isEmpty() && !"PeopleAdded".equals(type)) {
                        written.add(new JsonObject()
                                .put("type", type)
                                .put("at", recorded.at().toString())
                                .put("fields", fields));
                    } else if (about(data, personId)) {
                        activity.add(new JsonObject()
                                .put("type", type)
                                .put("at", recorded.at().toString()));
                    }
                })
                .map(last -> new JsonObject()
                        .put("status", "ok")
                        .put(
                                "data",
                                new JsonObject()
                                        .put("format", FORMAT)
                                        .put(
                                                "assembly",
                                                new JsonObject()
                                                        .put("id", assemblyId)
                                                        .put(
                                                                "title",
                                                                model.roster().title()))
                                        .put("exportedAt", now.toString())
                                        .put("person", about)
                                        .put("written", written)
                                        .put("activity", activity)
                                        .put(
                                                "notIncluded",
                                                "answers in polls and ballots, open answers included (secret);"
                                                        + " other people's data")));
    }

    /** Whether the event names the person as its subject or its author. */
    private static boolean about(JsonNode data, String personId) {
        return personId.equals(data.path("personId").asText(null))
                || personId.equals(data.path("byPersonId").asText(null));
    }
}
