package org.assemblyhub.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

class FileHoldsTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void a_refused_uploads_file_is_removed_only_by_the_last_upload_that_holds_it() {
        FileHolds holds = new FileHolds(vertx);
        FileHolds otherVerticle = new FileHolds(vertx); // the gateway runs one per event loop: they share the holds
        AtomicInteger removals = new AtomicInteger();
        String key = FileHolds.key("a1", "c".repeat(64));

        holds.hold(key);
        otherVerticle.hold(key);
        holds.release(key, removals::incrementAndGet); // refused, but the other upload still counts on the file
        assertThat(removals).hasValue(0);

        otherVerticle.release(key, removals::incrementAndGet);
        assertThat(removals).hasValue(1);

        holds.hold(key); // a new upload of the same bytes starts afresh
        holds.release(key, null);
        assertThat(removals).hasValue(1);
    }
}
