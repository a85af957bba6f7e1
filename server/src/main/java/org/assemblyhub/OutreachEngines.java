package org.assemblyhub;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.outreach.OutreachCapability;
import org.assemblyhub.outreach.runtime.Assemblies;

/** The outreach's way to the engines: as the hub itself, over the engine client (any node's engine in a cluster). */
final class OutreachEngines implements Assemblies {
    private static final JsonObject HUB = new JsonObject().put("hub", true);
    private final EngineClient engines;

    OutreachEngines(EngineClient engines) {
        this.engines = engines;
    }

    @Override
    public Future<JsonObject> roster(String assemblyId) {
        return engines.engine(
                assemblyId,
                "command",
                new JsonObject()
                        .put("actor", HUB)
                        .put("name", OutreachCapability.ROSTER)
                        .put("args", new JsonObject()));
    }

    @Override
    public Future<JsonObject> issue(String assemblyId, String personId, String tokenHash, String linkNonce) {
        JsonObject args = new JsonObject()
                .put("personId", personId)
                .put("tokenHash", tokenHash)
                .put("linkNonce", linkNonce);
        return engines.engine(
                assemblyId,
                "command",
                new JsonObject()
                        .put("actor", HUB)
                        .put("name", "issue-linked-invitation")
                        .put("args", args));
    }
}
