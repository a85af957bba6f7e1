package org.assemblyhub.helpdesk.domain;

import org.assemblyhub.helpdesk.domain.HelpdeskEvent.*;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fold of the help desk's events: each person's latest tech check, and each person's latest call for help. */
public final class Helpdesk implements Serializable {
    /** A tech check's result; {@link #ok()} when nothing needs a hand. */
    public record Check(String camera, String microphone, String connection, Instant at) implements Serializable {
        public boolean ok() {
            return "ok".equals(camera) && "ok".equals(microphone) && !"failed".equals(connection);
        }
    }

    /** A call for help; {@code answeredBy} null while it waits. */
    public record Call(String where, Instant at, String answeredBy) implements Serializable {
        public boolean waiting() {
            return answeredBy == null;
        }
    }

    private final Map<String, Check> checks = new LinkedHashMap<>();
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private long version;

    public void evolve(HelpdeskEvent event) {
        version++;
        if (event instanceof TechCheckReported e) {
            checks.put(e.personId(), new Check(e.camera(), e.microphone(), e.connection(), e.at()));
        } else if (event instanceof HelpRequested e) {
            calls.put(e.personId(), new Call(e.where(), e.at(), null));
        } else if (event instanceof HelpRequestWithdrawn e) {
            calls.remove(e.personId());
        } else if (event instanceof HelpRequestAnswered e) {
            Call call = calls.get(e.personId());
            if (call != null) calls.put(e.personId(), new Call(call.where(), call.at(), e.byPersonId()));
        }
    }

    public long version() {
        return version;
    }

    public Map<String, Check> checks() {
        return Collections.unmodifiableMap(checks);
    }

    /** The latest call of each person who called (answered ones stay until the person calls again). */
    public Map<String, Call> calls() {
        return Collections.unmodifiableMap(calls);
    }
}
