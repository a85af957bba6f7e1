package org.assemblyhub.outreach.runtime;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * What the outreach asks of assemblies' engines, as the hub itself (the hub wires it to its engine client): the
 * {@code outreach-roster} query and the {@code issue-linked-invitation} command. Answers are the engines' own (an
 * error answer carries its code).
 */
public interface Assemblies {
    Future<JsonObject> roster(String assemblyId);

    Future<JsonObject> issue(String assemblyId, String personId, String tokenHash, String linkNonce);
}
