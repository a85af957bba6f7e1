package org.assemblyhub.engine;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Roster;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Answers;

/**
 * What the engine tells a socket about itself and the assembly: who a token belongs to, and a summary. Changes nothing.
 */
final class EngineIdentity {
    private EngineIdentity() {}

    static JsonObject identify(Model model, String assemblyId, String token) {
        Roster state = model.roster();
        if (!state.exists()) return Answers.error("no-such-assembly", "This assembly does not exist.");
        return state.personByTokenHash(Tokens.hash(token == null ? "" : token))
                .map(p -> identity(assemblyId, p.id(), p.role(), p.displayName())
                        .put("audience", Rules.audienceOf(model, p).wire()))
                .orElseGet(() -> Answers.error(
                        "invalid-invitation",
                        "This invitation link is not valid any more: it may have been replaced or revoked. "
                                + "Please ask the organisers for a new one."));
    }

    static JsonObject identity(String assemblyId, String personId, Role role, String displayName) {
        return new JsonObject()
                .put("status", "ok")
                .put("assemblyId", assemblyId)
                .put("personId", personId)
                .put("displayName", displayName)
                .put("role", role.wire())
                .put("audience", Audience.of(role).wire());
    }

    /** The actor a gateway names in a request (none: an anonymous observer). */
    static Actor actorOf(JsonObject json) {
        if (json == null || json.getBoolean("hub", false)) return json == null ? Actor.publicObserver() : Actor.HUB;
        Role role = Role.parse(json.getString("role"));
        return Actor.person(json.getString("personId"), role == null ? Role.OBSERVER : role);
    }

    static JsonObject summary(Model model, String assemblyId, long seq) {
        Roster state = model.roster();
        if (!state.exists()) return Answers.error("no-such-assembly", "This assembly does not exist.");
        return new JsonObject()
                .put("status", "ok")
                .put("id", assemblyId)
                .put("title", state.title())
                .put("public", state.isPublic())
                .put("phase", state.phase().wire())
                .put("seq", seq);
    }
}
