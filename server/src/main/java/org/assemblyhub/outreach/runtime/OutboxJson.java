package org.assemblyhub.outreach.runtime;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.outreach.domain.Channel;
import org.assemblyhub.outreach.domain.MessageKind;
import org.assemblyhub.outreach.domain.OutboxRecord;
import org.assemblyhub.outreach.domain.OutboxRecord.*;

import java.time.Instant;

/** One outbox record per line of JSON; {@code op} names the record. */
final class OutboxJson {
    private OutboxJson() {}

    static String encode(OutboxRecord record) {
        JsonObject json =
                new JsonObject().put("id", record.id()).put("at", record.at().toString());
        if (record instanceof Queued q) {
            json.put("op", "queued")
                    .put("kind", q.kind().wire())
                    .put("personId", q.personId())
                    .put("channel", q.channel().wire())
                    .put("to", q.to())
                    .put("language", q.language())
                    .put("sessionId", q.sessionId())
                    .put("note", q.note());
        } else if (record instanceof Sent) {
            json.put("op", "sent");
        } else if (record instanceof Failed f) {
            json.put("op", "failed")
                    .put("reason", f.reason())
                    .put("retryAt", f.retryAt().toString());
        } else if (record instanceof Bounced b) {
            json.put("op", "bounced").put("reason", b.reason());
        } else if (record instanceof Dropped d) {
            json.put("op", "dropped").put("reason", d.reason());
        } else if (record instanceof RemindersSet r) {
            json.put("op", "reminders").put("on", r.on());
        } else if (record instanceof MemberReminders r) {
            json.put("op", "member-reminders").put("personId", r.personId()).put("on", r.on());
        }
        return json.encode();
    }

    /** The record of a line; an unreadable line (the torn end of a crash) throws IllegalArgumentException. */
    static OutboxRecord decode(String line) {
        try {
            JsonObject json = new JsonObject(line);
            String id = json.getString("id");
            Instant at = Instant.parse(json.getString("at"));
            return switch (json.getString("op", "")) {
                case "queued" -> new Queued(
                        id,
                        MessageKind.parse(json.getString("kind")),
                        json.getString("personId"),
                        Channel.parse(json.getString("channel")),
                        json.getString("to"),
                        json.getString("language"),
                        json.getString("sessionId"),
                        json.getString("note"),
                        at);
                case "sent" -> new Sent(id, at);
                case "failed" -> new Failed(id, json.getString("reason"), Instant.parse(json.getString("retryAt")), at);
                case "bounced" -> new Bounced(id, json.getString("reason"), at);
                case "dropped" -> new Dropped(id, json.getString("reason"), at);
                case "reminders" -> new RemindersSet(id, json.getBoolean("on"), at);
                case "member-reminders" -> new MemberReminders(
                        id, json.getString("personId"), json.getBoolean("on"), at);
                default -> throw new IllegalArgumentException("unknown outbox record: " + line);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable outbox line", e);
        }
    }
}
