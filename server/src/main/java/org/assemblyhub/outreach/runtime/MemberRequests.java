package org.assemblyhub.outreach.runtime;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.outreach.domain.Outbox;
import org.assemblyhub.outreach.domain.OutboxRecord;

import java.util.List;

/**
 * A member's own reminders, from the link in each reminder ({@code /r/<assembly>/<person>/<key>}): whether they come,
 * and stopping or restarting them. The key is checked here, where the link secret is; it grants nothing else.
 */
final class MemberRequests {
    private final Mailroom room;

    MemberRequests(Mailroom room) {
        this.room = room;
    }

    /** {@code on}: null to read, else the member's choice. Answers {@code {reminders}} or {@code no-such-link}. */
    Future<JsonObject> answer(String assemblyId, String personId, String key, Boolean on) {
        if (personId == null || !room.isRemindersKey(assemblyId, personId, key)) {
            return Future.succeededFuture(
                    Answers.error("no-such-link", "This link does not work: use the one in your latest reminder."));
        }
        Outbox box = room.outboxes.of(assemblyId);
        boolean now = !box.remindersStopped(personId);
        if (on == null || on == now) return Future.succeededFuture(state(box, personId));
        OutboxRecord change = new OutboxRecord.MemberReminders("", personId, on, room.clock.instant());
        return room.outboxes.record(assemblyId, List.of(change)).map(done -> state(box, personId));
    }

    private static JsonObject state(Outbox box, String personId) {
        return new JsonObject()
                .put("status", "ok")
                .put("reminders", !box.remindersStopped(personId))
                .put("assemblyReminders", box.remindersOn());
    }
}
