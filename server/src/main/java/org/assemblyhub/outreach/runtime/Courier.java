package org.assemblyhub.outreach.runtime;

import io.vertx.core.Future;
import org.assemblyhub.outreach.domain.Letter;

/** Hands one message to a server (SMTP, the SMS gateway) and says what became of it; never fails its future. */
interface Courier {
    Future<Delivery> send(Envelope envelope);

    /**
     * {@code id}: the outbox's id of the message, sent along so a server may recognise a second copy;
     * {@code unsubscribe}: where the recipient stops this kind of message in one click (RFC 8058), or null.
     */
    record Envelope(String id, String to, Letter letter, String unsubscribe) {}

    enum Outcome {
        /** The server took it: never send it again. */
        SENT,
        /** The server refused the recipient for good: a bounce. */
        REFUSED,
        /** It may work later (server down, busy, a 4xx answer): try again after a pause. */
        FAILED
    }

    record Delivery(Outcome outcome, String reason) {
        static Delivery sent() {
            return new Delivery(Outcome.SENT, null);
        }
    }
}
