package org.assemblyhub.outreach.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.assemblyhub.outreach.domain.LateBounce;
import org.assemblyhub.outreach.domain.Outbox;
import org.assemblyhub.outreach.domain.OutboxRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Bounces that come back by mail: the bounce mailbox is read on a worker now and then (one reading at a time), and
 * each report of a message the hub sent — to the address it was sent to — turns it from sent to bounced in its
 * assembly's outbox, durably, as a bounce at sending does; the organiser's log then shows it. Reports about other
 * mail, about messages not sent (or erased since: their address is gone), are ignored.
 */
final class LateBounces {
    private static final Logger LOG = Logger.getLogger(LateBounces.class.getName());

    private final Vertx vertx;
    private final Mailroom room;
    private final BounceMailboxReader reader;
    private boolean reading;

    LateBounces(Vertx vertx, Mailroom room, BounceMailboxReader reader) {
        this.vertx = vertx;
        this.room = room;
        this.reader = reader;
    }

    void round() {
        if (reading) return;
        reading = true;
        vertx.executeBlocking(reader::read, false)
                .compose(this::record)
                .onFailure(e -> LOG.warning("The bounce mailbox could not be read: " + e.getMessage()))
                .onComplete(done -> reading = false);
    }

    private Future<Void> record(List<LateBounce> bounces) {
        List<Future<Void>> recorded = new ArrayList<>();
        for (LateBounce b : bounces) {
            if (!room.outboxes.assemblies().contains(b.assemblyId())) continue;
            Outbox.Message m = room.outboxes.of(b.assemblyId()).message(b.messageId());
            if (m == null || m.status() != Outbox.Status.SENT || m.queued().to() == null) continue;
            if (b.recipient() != null
                    && !b.recipient().equalsIgnoreCase(m.queued().to())) continue;
            recorded.add(room.outboxes.record(
                    b.assemblyId(), List.of(new OutboxRecord.Bounced(m.id(), b.reason(), room.clock.instant()))));
        }
        return Future.all(recorded).mapEmpty();
    }
}
