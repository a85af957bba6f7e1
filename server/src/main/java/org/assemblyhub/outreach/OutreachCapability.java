package org.assemblyhub.outreach;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.ErasesPerson;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.kernel.plug.Engine;
import org.assemblyhub.kernel.plug.Plugin;
import org.assemblyhub.outreach.runtime.OutreachVerticle;

import java.util.List;
import java.util.Map;

/**
 * Reaching members outside the hub (docs/outreach.md): invitations, reminders and results by e-mail or text message.
 * It records nothing in the journal of its own — the invitations it sends are the assembly's ({@code
 * issue-linked-invitation}) — and its outbox lives beside the journal ({@code OutreachVerticle}). Its part of each
 * assembly's engine is one query, for the hub alone: who to write to, in which language, with which link nonce, and
 * the planned sessions with what to prepare.
 */
public final class OutreachCapability implements Capability {
    public static final String NAME = "outreach";
    /** The engine query the outreach reads an assembly through. */
    public static final String ROSTER = "outreach-roster";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Plugin plugin(Engine engine) {
        return new Plugin() {
            /** An erasure: the outreach forgets the person's address too (its outbox is outside the journal). */
            @Override
            public void landed(List<DomainEvent> events) {
                if (events.stream().anyMatch(e -> e instanceof ErasesPerson)) {
                    engine.vertx()
                            .eventBus()
                            .send(
                                    OutreachVerticle.ADDRESS,
                                    new JsonObject().put("op", "erased").put("assemblyId", engine.assemblyId()));
                }
            }

            @Override
            public Map<String, Query> queries() {
                return Map.of(
                        ROSTER,
                        (actor, args) -> Future.succeededFuture(
                                actor.isHub()
                                        ? OutreachRoster.of(engine.model())
                                        : Answers.error("forbidden", "Only the hub's outreach reads this.")));
            }
        };
    }

    static JsonObject ok(JsonObject result) {
        return Answers.ack(0, result);
    }
}
