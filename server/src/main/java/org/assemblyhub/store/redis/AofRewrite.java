package org.assemblyhub.store.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

import java.util.logging.Logger;

/**
 * Has Redis rewrite its append-only file after a deletion that must leave the disk (an erased person's key): the file
 * otherwise keeps the command that wrote it. A rewrite already running may have started before the deletion and carry
 * the key into the new file, so the hub asks again until Redis takes a rewrite of its own — every half second, for
 * at most ten minutes — without holding the caller.
 */
final class AofRewrite {
    private static final Logger LOG = Logger.getLogger(AofRewrite.class.getName());
    private static final long PAUSE_MS = 500;
    private static final int TRIES = 1_200;

    private AofRewrite() {}

    static void ask(Vertx vertx, RedisCalls calls) {
        ask(vertx, calls, 1);
    }

    private static void ask(Vertx vertx, RedisCalls calls, int attempt) {
        calls.send(Request.cmd(Command.BGREWRITEAOF)).onFailure(failure -> {
            String why = String.valueOf(failure.getMessage());
            if (why.contains("in progress") && attempt < TRIES) {
                vertx.setTimer(PAUSE_MS, id -> ask(vertx, calls, attempt + 1));
            } else {
                LOG.warning("Redis did not rewrite its append-only file after an erasure (" + why + "): run"
                        + " BGREWRITEAOF by hand, or the erased key stays in the file until the next rewrite.");
            }
        });
    }
}
