package org.assemblyhub.engine;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.store.JournalDamaged;

/**
 * How an assembly that could not start is listed in {@code /health}: its id, why, and for a damaged journal where the
 * damage is and how much valid journal follows it — what an operator needs to choose between a backup and a cut.
 */
final class UnavailableAssembly {
    private UnavailableAssembly() {}

    static JsonObject describe(String assemblyId, Throwable failure) {
        JsonObject entry = new JsonObject().put("assemblyId", assemblyId);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JournalDamaged damaged) {
                return entry.put("reason", "damaged")
                        .put("offset", damaged.report().damageOffset())
                        .put("wholeUpTo", damaged.report().validBytes())
                        .put("validRecordsAfter", damaged.report().validRecordsAfter())
                        .put("copy", damaged.copy().toString())
                        .put("message", damaged.getMessage());
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KeysMissing missing) {
                return entry.put("reason", "keys-missing")
                        .put("people", missing.people.size())
                        .put("message", missing.getMessage());
            }
            if (t instanceof EngineReplay.ChainBroken broken) {
                return entry.put("reason", "chain-broken")
                        .put("seq", broken.seq)
                        .put("message", broken.getMessage() + "; restore the journal from a backup");
            }
        }
        return entry.put("reason", "unavailable").put("message", String.valueOf(failure.getMessage()));
    }
}
