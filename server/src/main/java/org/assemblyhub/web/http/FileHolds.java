package org.assemblyhub.web.http;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/**
 * Uploads under way per stored file, across the gateway's verticles. Files are shared by content: two people may
 * upload the same bytes at once, and when the engine refuses one of them the file must stay if the other still
 * counts on it. An upload holds its file from just before the rename until the engine has answered; the file of a
 * refused upload is removed only by the last holder, and only if it was new.
 */
final class FileHolds {
    private final LocalMap<String, Integer> holds;

    FileHolds(Vertx vertx) {
        this.holds = vertx.sharedData().getLocalMap("assembly-hub.file-holds");
    }

    static String key(String assemblyId, String hash) {
        return assemblyId + "/" + hash;
    }

    void hold(String key) {
        holds.merge(key, 1, Integer::sum);
    }

    /**
     * Lets go of the file; if this was the last hold, runs {@code removal} (or nothing, when null) while no other
     * upload of the same bytes can take a hold: blocking, so call it off the event loop when there is a removal.
     */
    void release(String key, Runnable removal) {
        holds.compute(key, (k, count) -> {
            if (count == null || count <= 1) {
                if (removal != null) removal.run();
                return null;
            }
            return count - 1;
        });
    }
}
