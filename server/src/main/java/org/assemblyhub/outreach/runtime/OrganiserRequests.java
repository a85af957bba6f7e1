package org.assemblyhub.outreach.runtime;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.outreach.domain.Channel;
import org.assemblyhub.outreach.domain.Member;
import org.assemblyhub.outreach.domain.MessageKind;
import org.assemblyhub.outreach.domain.Outbox;
import org.assemblyhub.outreach.domain.OutboxRecord;
import org.assemblyhub.outreach.domain.Recipients;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What organisers ask of the outreach (the HTTP API checked who they are): send the invitations, send the results,
 * turn reminders on or off, read the log. A request's messages are on disk before its answer; the postman sends them.
 */
final class OrganiserRequests {
    private final Mailroom room;
    private final Runnable kick;

    OrganiserRequests(Mailroom room, Runnable kick) {
        this.room = room;
        this.kick = kick;
    }

    /**
     * Invitations by e-mail or text message. Someone whose current link the hub can make again keeps it; anyone else
     * (a printed link, or none) gets a new one, and their old link stops working. The first invitations turn reminders
     * on (unless the organiser chose before).
     */
    Future<JsonObject> invite(String assemblyId, List<String> listed, boolean resend) {
        return roster(assemblyId, listed, true).compose(r -> {
            if (r.error() != null) return Future.succeededFuture(r.error());
            Outbox box = room.outboxes.of(assemblyId);
            Recipients.Choice choice = Recipients.choose(
                    r.roster().members(),
                    listed,
                    room.open(),
                    false,
                    id -> !resend && box.reached(MessageKind.INVITATION, id));
            List<Future<String>> links = new ArrayList<>();
            for (Member m : choice.chosen()) links.add(linked(assemblyId, m));
            return Future.join(links).otherwiseEmpty().compose(x -> {
                Instant now = room.clock.instant();
                List<OutboxRecord> records = new ArrayList<>();
                List<Recipients.Skipped> skipped = new ArrayList<>(choice.skipped());
                for (int i = 0; i < links.size(); i++) {
                    Member m = choice.chosen().get(i);
                    String refusal = links.get(i).succeeded() ? links.get(i).result() : "unavailable";
                    if (refusal == null) records.add(room.queue(MessageKind.INVITATION, m, null, null, now));
                    else skipped.add(new Recipients.Skipped(m.id(), refusal));
                }
                if (!box.remindersChosen()) records.add(new OutboxRecord.RemindersSet("", true, now));
                return queued(assemblyId, records, skipped);
            });
        });
    }

    /** Null when the person has a link the hub can make; else a new one is issued: null, or the engine's code. */
    private Future<String> linked(String assemblyId, Member m) {
        if (room.link(assemblyId, m) != null) return Future.succeededFuture(null);
        String nonce = room.newNonce();
        String hash = Tokens.hash(room.token(assemblyId, m.id(), nonce));
        return room.assemblies
                .issue(assemblyId, m.id(), hash, nonce)
                .map(answer -> Answers.isError(answer) ? answer.getString("code") : null);
    }

    /** The results, with the organiser's note, to everyone who has a link (once each unless {@code resend}). */
    Future<JsonObject> results(String assemblyId, List<String> listed, String note, boolean resend) {
        return roster(assemblyId, listed, false).compose(r -> {
            if (r.error() != null) return Future.succeededFuture(r.error());
            Outbox box = room.outboxes.of(assemblyId);
            Recipients.Choice choice = Recipients.choose(
                    r.roster().members(),
                    listed,
                    room.open(),
                    true,
                    id -> !resend && box.reached(MessageKind.RESULTS, id));
            Instant now = room.clock.instant();
            List<OutboxRecord> records = new ArrayList<>();
            for (Member m : choice.chosen()) records.add(room.queue(MessageKind.RESULTS, m, null, note, now));
            return queued(assemblyId, records, choice.skipped());
        });
    }

    Future<JsonObject> reminders(String assemblyId, boolean on) {
        return roster(assemblyId, null, false).compose(r -> {
            if (r.error() != null) return Future.succeededFuture(r.error());
            return room.outboxes
                    .record(assemblyId, List.of(new OutboxRecord.RemindersSet("", on, room.clock.instant())))
                    .map(done -> ok(new JsonObject().put("reminders", on)));
        });
    }

    /** What was sent to whom, when, and what became of it: addresses, never links. */
    Future<JsonObject> log(String assemblyId) {
        return roster(assemblyId, null, false).map(r -> {
            if (r.error() != null) return r.error();
            Outbox box = room.outboxes.of(assemblyId);
            JsonArray messages = new JsonArray();
            for (Outbox.Message m : box.messages()) {
                OutboxRecord.Queued q = m.queued();
                Member person = r.roster().people().get(q.personId());
                messages.add(new JsonObject()
                        .put("id", q.id())
                        .put("personId", q.personId())
                        .put("name", person == null ? null : person.erased() ? Person.ERASED_NAME : person.name())
                        .put("kind", q.kind().wire())
                        .put("channel", q.channel().wire())
                        .put("to", q.to())
                        .put("sessionId", q.sessionId())
                        .put("status", m.status().wire())
                        .put("failures", m.failures())
                        .put("reason", m.reason())
                        .put("queuedAt", q.at().toString())
                        .put("updatedAt", m.updated().toString()));
            }
            return ok(new JsonObject()
                    .put("email", room.open().contains(Channel.EMAIL))
                    .put("sms", room.open().contains(Channel.SMS))
                    .put("reminders", box.remindersOn())
                    .put("remindersStopped", new JsonArray(List.copyOf(box.remindersStopped())))
                    .put("messages", messages));
        });
    }

    private record Read(RosterAnswer roster, JsonObject error) {}

    /** The assembly's roster, or the error to answer: no such assembly, sealed invitations, unknown people. */
    private Future<Read> roster(String assemblyId, List<String> listed, boolean invitations) {
        return room.assemblies.roster(assemblyId).map(answer -> {
            if (Answers.isError(answer)) return new Read(null, answer);
            RosterAnswer roster = RosterAnswer.of(answer.getJsonObject("result", new JsonObject()));
            if (invitations && roster.sealed()) {
                return new Read(
                        null,
                        Answers.error(
                                "invitations-sealed",
                                "This assembly's invitations are sealed for its delivery officer: the hub does not send them."));
            }
            if (listed != null) {
                JsonArray unknown = new JsonArray();
                listed.stream()
                        .filter(id -> !roster.people().containsKey(id))
                        .distinct()
                        .forEach(unknown::add);
                if (!unknown.isEmpty()) {
                    return new Read(
                            null,
                            Answers.error("no-such-person", "Not on the roster: " + unknown.encode())
                                    .put("people", unknown));
                }
            }
            return new Read(roster, null);
        });
    }

    private Future<JsonObject> queued(String assemblyId, List<OutboxRecord> records, List<Recipients.Skipped> skipped) {
        return room.outboxes.record(assemblyId, records).map(done -> {
            kick.run();
            JsonArray queued = new JsonArray();
            for (OutboxRecord r : records) {
                if (r instanceof OutboxRecord.Queued q) {
                    queued.add(new JsonObject()
                            .put("id", q.id())
                            .put("personId", q.personId())
                            .put("channel", q.channel().wire()));
                }
            }
            JsonArray left = new JsonArray();
            skipped.forEach(
                    s -> left.add(new JsonObject().put("personId", s.personId()).put("code", s.code())));
            return ok(new JsonObject().put("queued", queued).put("skipped", left));
        });
    }

    private static JsonObject ok(JsonObject result) {
        return result.put("status", "ok");
    }
}
