package org.assemblyhub.records;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Agenda;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.kernel.plug.JournalReport;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The attendance report (for members' compensation and for evaluation) as CSV text: {@link AttendanceFold} over the
 * replayed journal, so groups and sessions are read through the same rules that ran them; {@code sessionId}: that
 * session's holdings only, none: every session held. Offered by the run of show (the session capability).
 */
public final class AttendanceReport implements JournalReport {
    @Override
    public String name() {
        return "attendance";
    }

    @Override
    public Optional<JsonObject> refuse(Model model, JsonObject request) {
        String sessionId = request.getString("sessionId");
        if (sessionId != null
                && model.agenda().schedule().stream().map(Agenda.Scheduled::id).noneMatch(sessionId::equals)) {
            return Optional.of(Answers.error("no-such-session", "The script has no session '" + sessionId + "'."));
        }
        return Optional.empty();
    }

    @Override
    public Reader reader(JsonObject request) {
        String sessionId = request.getString("sessionId");
        AttendanceFold fold = new AttendanceFold();
        return new Reader() {
            @Override
            public void accept(Instant at, DomainEvent event, Model model) {
                fold.accept(at, event, model);
            }

            @Override
            public JsonObject finish(Model model, Instant now) {
                List<AttendanceRow> rows = fold.rows(model.roster(), now).stream()
                        .filter(r -> sessionId == null || r.sessionId().equals(sessionId))
                        .toList();
                return new JsonObject().put("status", "ok").put("csv", AttendanceCsv.write(rows));
            }
        };
    }
}
