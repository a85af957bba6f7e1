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

    /**
     * The actor as the assembly knows them now: a person's role is the roster's, never the one a gateway remembered
     * from when the socket identified (a role changed, a person removed or erased since); null when their
     * invitation is no longer valid. The hub and anonymous observers pass as they are.
     */
    static Actor current(Model model, Actor claimed) {
        if (claimed.isHub() || claimed.personId() == null) return claimed;
        Roster roster = model.roster();
        return roster.person(claimed.personId())
                .filter(p -> roster.hasActiveInvitation(p.id()))
                .map(p -> Actor.person(p.id(), p.role()))
                .orElse(null);
    }

    static JsonObject noLongerValid() {
        return Answers.error(
                "invalid-invitation",
                "This invitation link is not valid any more: it may have been replaced or revoked. "
                        + "Please ask the organisers for a new one.");
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
