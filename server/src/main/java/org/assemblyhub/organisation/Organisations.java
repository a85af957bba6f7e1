package org.assemblyhub.organisation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.assemblyhub.organisation.domain.Organisation;
import org.assemblyhub.store.Documents;
import org.assemblyhub.support.Jackson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The hub's organisations, kept as documents ({@link Documents}: files, or Redis in a cluster), read and written on
 * workers. Changes to one organisation are made one at a time on this node (a read, a change, a whole write).
 */
public final class Organisations {
    static final String KIND = "organisations";

    private final Vertx vertx;
    private final Documents documents;

    public Organisations(Vertx vertx, Documents documents) {
        this.vertx = vertx;
        this.documents = documents;
    }

    public Future<Optional<Organisation>> find(String id) {
        return vertx.executeBlocking(() -> read(id), false);
    }

    public Future<List<Organisation>> all() {
        return vertx.executeBlocking(
                () -> {
                    List<Organisation> all = new ArrayList<>();
                    for (String id : documents.ids(KIND)) read(id).ifPresent(all::add);
                    return all;
                },
                false);
    }

    /** Creates it, or fails with {@link Exists} when the id is taken. */
    public Future<Organisation> create(Organisation organisation) {
        return vertx.executeBlocking(
                () -> {
                    synchronized (this) {
                        if (documents.get(KIND, organisation.id()).isPresent()) throw new Exists();
                        write(organisation);
                        return organisation;
                    }
                },
                false);
    }

    /** Applies {@code change} to the organisation as it is kept now, and keeps the result. */
    public Future<Organisation> update(String id, UnaryOperator<Organisation> change) {
        return vertx.executeBlocking(
                () -> {
                    synchronized (this) {
                        Organisation changed = change.apply(read(id).orElseThrow());
                        write(changed);
                        return changed;
                    }
                },
                false);
    }

    private Optional<Organisation> read(String id) throws Exception {
        Optional<byte[]> bytes = documents.get(KIND, id);
        return bytes.isEmpty()
                ? Optional.empty()
                : Optional.of(Jackson.MAPPER.readValue(bytes.get(), Organisation.class));
    }

    private void write(Organisation organisation) throws Exception {
        documents.put(KIND, organisation.id(), Jackson.MAPPER.writeValueAsBytes(organisation));
    }

    /** The id asked for is already an organisation's. */
    public static final class Exists extends RuntimeException {
        Exists() {
            super("organisation exists", null, false, false);
        }
    }
}
