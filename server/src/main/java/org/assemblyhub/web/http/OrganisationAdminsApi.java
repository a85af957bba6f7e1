package org.assemblyhub.web.http;

import static org.assemblyhub.web.http.OrganisationsApi.adminLink;
import static org.assemblyhub.web.http.OrganisationsApi.body;
import static org.assemblyhub.web.http.OrganisationsApi.invalid;
import static org.assemblyhub.web.http.OrganisationsApi.refuse;
import static org.assemblyhub.web.http.OrganisationsApi.text;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.organisation.Organisations;
import org.assemblyhub.organisation.domain.Admin;
import org.assemblyhub.organisation.domain.Organisation;

/**
 * An organisation's administrators, managed by its administrators: add one (a personal link, shown once), give one a
 * new link (the old one and every browser signed in with it stop working), remove one — never oneself — which also
 * ends their organiser seats in the organisation's assemblies ({@link OrganiserSeats#revoke}). Every change is
 * decided on the organisation as kept ({@link Organisations#update}), so two administrators at once never undo each
 * other's change.
 */
final class OrganisationAdminsApi {
    private final EngineClient engines;
    private final Organisations organisations;
    private final String publicUrl;
    private final Tokens tokens;

    OrganisationAdminsApi(EngineClient engines, Organisations organisations, String publicUrl, Tokens tokens) {
        this.engines = engines;
        this.organisations = organisations;
        this.publicUrl = publicUrl;
        this.tokens = tokens;
    }

    void mount(Router router) {
        router.post("/api/organisations/:org/admins").handler(this::add);
        router.post("/api/organisations/:org/admins/:admin/link").handler(this::newLink);
        router.delete("/api/organisations/:org/admins/:admin").handler(this::remove);
    }

    private void add(RoutingContext rc) {
        JsonObject body = body(rc);
        if (body == null) return;
        String name = text(body, "name", 120);
        AdminAccess.check(rc, organisations, publicUrl, rc.pathParam("org"), true)
                .compose(admitted -> {
                    if (name == null) return Future.failedFuture(invalid("Send {\"name\"} (at most 120 characters)."));
                    String token = tokens.newToken(admitted.organisation().id());
                    String[] adminId = {null};
                    // Id and limit decided on the organisation as kept, inside its update: two at once get two ids.
                    return organisations
                            .update(admitted.organisation().id(), o -> {
                                if (o.admins().size() >= Organisation.MAX_ADMINS) {
                                    throw new Senders.Refused(
                                            422, "too-many-admins", "An organisation has at most 50 administrators.");
                                }
                                acting(o, admitted.admin().id());
                                adminId[0] = o.nextAdminId();
                                return o.withAdmin(new Admin(adminId[0], name, Tokens.hash(token)));
                            })
                            .map(o -> new JsonObject()
                                    .put("id", adminId[0])
                                    .put("adminLink", adminLink(publicUrl, token)));
                })
                .onSuccess(answer -> HttpErrors.json(rc, 201, answer))
                .onFailure(failure -> refuse(rc, failure));
    }

    private void newLink(RoutingContext rc) {
        String target = rc.pathParam("admin");
        AdminAccess.check(rc, organisations, publicUrl, rc.pathParam("org"), true)
                .compose(admitted -> {
                    String token = tokens.newToken(admitted.organisation().id());
                    return organisations
                            .update(admitted.organisation().id(), o -> {
                                acting(o, admitted.admin().id());
                                existing(o, target);
                                return o.withAdminToken(target, Tokens.hash(token));
                            })
                            .map(o -> new JsonObject().put("id", target).put("adminLink", adminLink(publicUrl, token)));
                })
                .onSuccess(answer -> HttpErrors.json(rc, 200, answer))
                .onFailure(failure -> refuse(rc, failure));
    }

    private void remove(RoutingContext rc) {
        String target = rc.pathParam("admin");
        AdminAccess.check(rc, organisations, publicUrl, rc.pathParam("org"), true)
                .compose(admitted -> {
                    if (admitted.admin().id().equals(target)) {
                        return Future.failedFuture(new Senders.Refused(
                                409, "cannot-remove-self", "You cannot remove yourself: another administrator can."));
                    }
                    boolean[] before = {false};
                    return organisations
                            .update(admitted.organisation().id(), o -> {
                                acting(o, admitted.admin().id());
                                if (o.removedAdmin(target)) {
                                    // Removed already (an answer lost on the way, say): their seats are ended again.
                                    before[0] = true;
                                    return o;
                                }
                                existing(o, target);
                                return o.withoutAdmin(target);
                            })
                            .compose(o -> OrganiserSeats.revoke(engines, o, target))
                            .map(seats -> seats.put("removed", target).put("alreadyRemoved", before[0]));
                })
                .onSuccess(answer -> HttpErrors.json(rc, 200, answer))
                .onFailure(failure -> refuse(rc, failure));
    }

    /**
     * The one asking is still an administrator, in the document as it is now (re-read on every retry): two removing
     * each other at once cannot both succeed and leave the organisation without any.
     */
    static void acting(Organisation o, String adminId) {
        if (o.admin(adminId).isEmpty())
            throw new Senders.Refused(
                    401, "admin-required", "You are no longer an administrator of this organisation.");
    }

    private static void existing(Organisation o, String adminId) {
        if (o.admin(adminId).isEmpty())
            throw new Senders.Refused(404, "no-such-admin", "This organisation has no such administrator.");
    }
}
