package org.assemblyhub.outreach;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Agenda;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.kernel.Roster;
import org.assemblyhub.kernel.plug.Answers;

/**
 * What the outreach needs of one assembly, read on its engine: the people with their contact, role, attributes and
 * link nonce, and the calendar of sessions with each one's material. Personal data: only the hub asks for it.
 */
final class OutreachRoster {
    private OutreachRoster() {}

    static JsonObject of(Model model) {
        Roster roster = model.roster();
        if (!roster.exists()) return Answers.error("no-such-assembly", "This assembly does not exist.");
        JsonArray people = new JsonArray();
        for (Person p : roster.people().values()) {
            JsonObject attributes = new JsonObject();
            p.attributes().forEach(attributes::put);
            people.add(new JsonObject()
                    .put("id", p.id())
                    .put("name", p.displayName())
                    .put("role", p.role().wire())
                    .put("contact", p.contact())
                    .put("attributes", attributes)
                    .put("invited", roster.hasActiveInvitation(p.id()))
                    .put("erased", roster.erased().contains(p.id()))
                    .put("linkNonce", roster.linkNonce(p.id()).orElse(null)));
        }
        Agenda agenda = model.agenda();
        JsonArray sessions = new JsonArray();
        for (Agenda.Scheduled s : agenda.schedule()) {
            JsonArray prepare = new JsonArray();
            for (PlannedSegment segment : agenda.segments(s.id())) {
                PlannedSegment.Material m = segment.material();
                if (m == null) continue;
                prepare.add(new JsonObject()
                        .put("title", m.title())
                        .put("speaker", m.speaker())
                        .put("url", m.url()));
            }
            sessions.add(new JsonObject()
                    .put("id", s.id())
                    .put("title", s.title())
                    .put(
                            "start",
                            s.plannedStart() == null ? null : s.plannedStart().toString())
                    .put("held", s.held())
                    .put("running", s.running())
                    .put("prepare", prepare));
        }
        return OutreachCapability.ok(new JsonObject()
                .put("title", roster.title())
                .put("sealed", roster.deliveryKey() != null)
                .put("phase", roster.phase().wire())
                .put("people", people)
                .put("sessions", sessions));
    }
}
