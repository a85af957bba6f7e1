package org.assemblyhub.outreach.runtime;

import io.vertx.core.Future;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.outreach.domain.Letter;
import org.assemblyhub.outreach.domain.Member;
import org.assemblyhub.outreach.domain.MessageKind;
import org.assemblyhub.outreach.domain.Outbox;
import org.assemblyhub.outreach.domain.OutboxRecord;
import org.assemblyhub.outreach.domain.Recipients;
import org.assemblyhub.outreach.domain.ReminderPlan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Goes round the outboxes: queues the reminders that are due, then sends what is owed, each message written afresh
 * from the assembly's state (its current link re-derived), and records what became of it. One round at a time per
 * assembly, so no message is ever in two sends at once. "Sent" is recorded right after the server took the message; a
 * crash in between sends it once more after the restart, with the same Message-ID (docs/outreach.md).
 */
final class Postman {
    private static final Logger LOG = Logger.getLogger(Postman.class.getName());
    /** Messages handed to servers per assembly and round: a big mailing goes out over a few rounds. */
    private static final int PER_ROUND = 40;
    /**
     * How often an assembly with nothing owed is read for reminders: its roster is built on its engine's event loop,
     * so not every round.
     */
    private static final Duration PLANNING = Duration.ofMinutes(1);

    private final Mailroom room;
    private final Set<String> busy = new HashSet<>();
    /** Assemblies asked for while their round ran (new messages queued meanwhile): one more round at its end. */
    private final Set<String> again = new HashSet<>();

    private final Map<String, Instant> planned = new HashMap<>();
    /** Assemblies read at least once since the start (an erasure while this hub was down is caught up then). */
    private final Set<String> read = new HashSet<>();

    Postman(Mailroom room) {
        this.room = room;
    }

    /** One round over every assembly that has something to do and no round under way. */
    void round() {
        Instant now = room.clock.instant();
        for (String assemblyId : room.outboxes.assemblies()) {
            Outbox box = room.outboxes.of(assemblyId);
            if (busy.contains(assemblyId)) {
                again.add(assemblyId);
                continue;
            }
            if (box.due(now).isEmpty() && !planningDue(box, assemblyId, now)) continue;
            busy.add(assemblyId);
            room.assemblies
                    .roster(assemblyId)
                    .compose(answer -> {
                        // An engine that does not answer now (moving, restarting): the next round tries again.
                        if (Answers.isError(answer)) return Future.succeededFuture();
                        RosterAnswer roster = RosterAnswer.of(answer.getJsonObject("result"));
                        read.add(assemblyId);
                        return forget(assemblyId, roster)
                                .compose(done -> remind(assemblyId, roster))
                                .compose(done -> deliver(assemblyId, roster));
                    })
                    .onFailure(e -> LOG.log(Level.WARNING, "outreach round of " + assemblyId + " failed", e))
                    .onComplete(done -> {
                        busy.remove(assemblyId);
                        if (again.remove(assemblyId)) round();
                    });
        }
    }

    /** Someone's personal data was erased in this assembly: the next round reads it, whatever it has to do. */
    void erased(String assemblyId) {
        read.remove(assemblyId);
        round();
    }

    /** The addresses of people erased since, forgotten before anything else is done. */
    private Future<Void> forget(String assemblyId, RosterAnswer roster) {
        Set<String> held = room.outboxes.of(assemblyId).stillHeld(roster.erased());
        return held.isEmpty() ? Future.succeededFuture() : room.outboxes.forget(assemblyId, held);
    }

    private boolean planningDue(Outbox box, String assemblyId, Instant now) {
        if (!read.contains(assemblyId)) return true;
        Instant last = planned.get(assemblyId);
        return box.remindersOn() && (last == null || !now.isBefore(last.plus(PLANNING)));
    }

    private Future<Void> remind(String assemblyId, RosterAnswer roster) {
        Outbox box = room.outboxes.of(assemblyId);
        if (!box.remindersOn()) return Future.succeededFuture();
        Instant now = room.clock.instant();
        planned.put(assemblyId, now);
        List<OutboxRecord> records = new ArrayList<>();
        for (ReminderPlan.Due due :
                ReminderPlan.due(List.copyOf(roster.sessions().values()), now)) {
            String sessionId = due.session().id();
            Recipients.Choice choice = Recipients.choose(
                    roster.members(), null, room.open(), true, id -> box.reminded(due.kind(), sessionId, id));
            for (Member m : choice.chosen()) {
                if (!box.remindersStopped(m.id())) records.add(room.queue(due.kind(), m, sessionId, null, now));
            }
        }
        return room.outboxes.record(assemblyId, records);
    }

    private Future<Void> deliver(String assemblyId, RosterAnswer roster) {
        List<Outbox.Message> due = room.outboxes.of(assemblyId).due(room.clock.instant());
        List<Future<Void>> sends = new ArrayList<>();
        for (Outbox.Message m : due.subList(0, Math.min(PER_ROUND, due.size())))
            sends.add(deliver(assemblyId, roster, m));
        return Future.join(sends).mapEmpty();
    }

    private Future<Void> deliver(String assemblyId, RosterAnswer roster, Outbox.Message m) {
        OutboxRecord.Queued q = m.queued();
        Instant now = room.clock.instant();
        String dropped = droppedBecause(assemblyId, roster, q, now);
        if (dropped != null)
            return room.outboxes.record(assemblyId, List.of(new OutboxRecord.Dropped(q.id(), dropped, now)));
        Courier courier = room.couriers.get(q.channel());
        if (courier == null) {
            return failed(
                    assemblyId, m, "the hub has no server for " + q.channel().wire() + " now");
        }
        Member person = roster.people().get(q.personId());
        Letter letter = room.letters.write(q.kind(), q.language(), room.facts(assemblyId, roster, person, q));
        return courier.send(new Courier.Envelope(
                        q.id() + "." + assemblyId, q.to(), letter, room.remindersLink(assemblyId, q)))
                .compose(d -> switch (d.outcome()) {
                    case SENT -> sent(assemblyId, q);
                    case REFUSED -> room.outboxes.record(
                            assemblyId, List.of(new OutboxRecord.Bounced(q.id(), d.reason(), room.clock.instant())));
                    case FAILED -> failed(assemblyId, m, d.reason());
                });
    }

    /** Why a message owed will not go, or null: the person left, their link is gone, the session began. */
    private String droppedBecause(String assemblyId, RosterAnswer roster, OutboxRecord.Queued q, Instant now) {
        Member person = roster.people().get(q.personId());
        if (person == null) return "not-on-roster";
        if (person.erased()) return Outbox.ERASED;
        if (q.kind() == MessageKind.INVITATION && room.link(assemblyId, person) == null) return "no-link";
        if (q.kind() != MessageKind.INVITATION && !person.invited()) return "no-invitation";
        if (q.kind().isReminder() && room.outboxes.of(assemblyId).remindersStopped(q.personId()))
            return "stopped-by-member";
        if (q.kind().isReminder()
                && !ReminderPlan.stillUseful(q.kind(), roster.sessions().get(q.sessionId()), now)) return "too-late";
        return null;
    }

    /**
     * The server has the message: recorded at once. Should the disk refuse the record, the message still counts as
     * sent in memory (it is not sent again by this process) and the failure is logged.
     */
    private Future<Void> sent(String assemblyId, OutboxRecord.Queued q) {
        OutboxRecord.Sent sent = new OutboxRecord.Sent(q.id(), room.clock.instant());
        return room.outboxes.record(assemblyId, List.of(sent)).recover(e -> {
            LOG.log(Level.SEVERE, "outbox of " + assemblyId + ": could not record message " + q.id() + " as sent", e);
            room.outboxes.of(assemblyId).evolve(sent);
            return Future.succeededFuture();
        });
    }

    private Future<Void> failed(String assemblyId, Outbox.Message m, String reason) {
        Instant now = room.clock.instant();
        int failures = m.failures() + 1;
        OutboxRecord record = failures >= Outbox.MAX_TRIES
                ? new OutboxRecord.Dropped(m.id(), "gave-up: " + reason, now)
                : new OutboxRecord.Failed(
                        m.id(), reason, now.plus(Outbox.pause(room.config.firstRetry(), failures)), now);
        return room.outboxes.record(assemblyId, List.of(record));
    }
}
