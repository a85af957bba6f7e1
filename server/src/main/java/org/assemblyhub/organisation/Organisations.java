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
 * workers. A change reads the organisation, applies itself and replaces it only if nobody changed it meanwhile — on
 * any node of a cluster ({@link Documents#replace}) — reading again and again applying itself when someone did.
 */
public final class Organisations {
    static final String KIND = "organisations";

    /** How many times a change is tried against others' before it fails: far more than administrators ever race. */
    private static final int ATTEMPTS = 50;

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
                    byte[] content = Jackson.MAPPER.writeValueAsBytes(organisation);
                    if (!documents.replace(KIND, organisation.id(), null, content)) throw new Exists();
                    return organisation;
                },
                false);
    }

    /** Applies {@code change} to the organisation as it is kept now, and keeps the result. */
    public Future<Organisation> update(String id, UnaryOperator<Organisation> change) {
        return vertx.executeBlocking(
                () -> {
                    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                        byte[] now = documents.get(KIND, id).orElseThrow();
                        Organisation changed = change.apply(Jackson.MAPPER.readValue(now, Organisation.class));
                        if (documents.replace(KIND, id, now, Jackson.MAPPER.writeValueAsBytes(changed))) return changed;
                    }
                    throw new IllegalStateException(
                            "organisation " + id + " kept changing under " + ATTEMPTS + " tries");
                },
                false);
    }

    private Optional<Organisation> read(String id) throws Exception {
        Optional<byte[]> bytes = documents.get(KIND, id);
        return bytes.isEmpty()
                ? Optional.empty()
                : Optional.of(Jackson.MAPPER.readValue(bytes.get(), Organisation.class));
    }

    /** The id asked for is already an organisation's. */
    public static final class Exists extends RuntimeException {
        Exists() {
            super("organisation exists", null, false, false);
        }
    }
}
