package org.assemblyhub.session;

import static org.assemblyhub.kernel.plug.WireCommand.DESK;
import static org.assemblyhub.kernel.plug.WireCommand.ORGANISERS;
import static org.assemblyhub.kernel.plug.WireCommand.heavy;
import static org.assemblyhub.kernel.plug.WireCommand.of;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.kernel.plug.Decoded;
import org.assemblyhub.kernel.plug.WireCommand;
import org.assemblyhub.scripts.ScriptReader;
import org.assemblyhub.session.domain.SessionCommand;

import java.util.List;

/** Wire commands of the run of show: the script, the lead, and the clock's controls at the desk. */
public final class SessionWire {
    static final int MAX_SCRIPT = 1024 * 1024;
    static final int MAX_MINUTES = 240;

    private SessionWire() {}

    public static final List<WireCommand> COMMANDS = List.of(
            heavy("attach-script", ORGANISERS, (a, c) -> attachScript(a.requiredText("yaml", MAX_SCRIPT))),
            of("appoint-lead", ORGANISERS, (a, c) -> Decoded.ok(new SessionCommand.AppointLead(a.id("personId")))),
            of("start-session", DESK, (a, c) -> Decoded.ok(new SessionCommand.StartSession(a.id("sessionId")))),
            of("pause-session", DESK, (a, c) -> Decoded.ok(new SessionCommand.PauseSession())),
            of("resume-session", DESK, (a, c) -> Decoded.ok(new SessionCommand.ResumeSession())),
            of(
                    "extend-segment",
                    DESK,
                    (a, c) -> Decoded.ok(
                            new SessionCommand.ExtendSegment(a.integer("minutes", -MAX_MINUTES, MAX_MINUTES)))),
            of("skip-segment", DESK, (a, c) -> Decoded.ok(new SessionCommand.SkipSegment())),
            of("go-back", DESK, (a, c) -> Decoded.ok(new SessionCommand.GoBack())),
            of("end-session", DESK, (a, c) -> Decoded.ok(new SessionCommand.EndSession())));

    private static Decoded attachScript(String yaml) {
        ScriptReader.Result read = ScriptReader.read(yaml);
        if (!read.valid()) {
            JsonArray problems = new JsonArray();
            read.problems()
                    .forEach(p -> problems.add(new JsonObject()
                            .put("line", p.line())
                            .put("where", p.where())
                            .put("message", p.message())));
            String first = read.problems().stream()
                    .limit(3)
                    .map(Object::toString)
                    .reduce((x, y) -> x + "; " + y)
                    .orElse("");
            return new Decoded(
                    null,
                    null,
                    Answers.error(
                            "invalid-script",
                            "The script has " + read.problems().size() + " problem(s): " + first,
                            problems));
        }
        return Decoded.ok(
                new SessionCommand.AttachScript(read.script().title(), ScriptPlans.of(read.script())),
                new JsonObject().put("sessions", read.script().sessions().size()));
    }
}
