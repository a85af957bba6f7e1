package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.organisation.Organisations;
import org.assemblyhub.organisation.domain.Admin;
import org.assemblyhub.organisation.domain.OrgAssembly;
import org.assemblyhub.organisation.domain.Organisation;
import org.assemblyhub.store.AssemblyIds;
import org.assemblyhub.support.Slugs;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Organisations on one hub (docs/protocol.md, "Organisations"): the hub's operator creates one with its first
 * administrator (bootstrap token); its administrators add administrators, create its assemblies in the browser and
 * open any of them as organisers; anyone reads its public page. Every administrator's request is checked against
 * their own organisation ({@link AdminAccess}), and an assembly of another organisation is answered as not existing.
 */
public final class OrganisationsApi {
    private final EngineClient engines;
    private final Organisations organisations;
    private final BootstrapToken bootstrap;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();
    private final Tokens tokens = new Tokens(random);

    public OrganisationsApi(
            EngineClient engines, Organisations organisations, BootstrapToken bootstrap, String publicUrl) {
        this.engines = engines;
        this.organisations = organisations;
        this.bootstrap = bootstrap;
        this.publicUrl = publicUrl;
    }

    public void mount(Router router) {
        router.post("/api/organisations").handler(this::create);
        router.get("/api/organisations/:org/public").handler(this::publicPage);
        router.get("/api/organisations/:org").handler(this::overview);
        router.post("/api/organisations/:org/assemblies").handler(this::createAssembly);
        router.post("/api/organisations/:org/assemblies/:id/organiser-link").handler(this::organiserLink);
        router.get("/admin/:token").handler(rc -> admin(rc, false));
        router.post("/admin/:token").handler(rc -> admin(rc, true));
        router.get("/o/:org").handler(rc -> rc.reroute("/org.html"));
        router.get("/o/:org/admin").handler(rc -> rc.reroute("/org.html"));
        new OrganisationAdminsApi(engines, organisations, publicUrl, tokens).mount(router);
    }

    static String adminLink(String publicUrl, String token) {
        return publicUrl + "/admin/" + token;
    }

    private void create(RoutingContext rc) {
        // The operator's token as a Bearer header only: a cookie would ride along with any other site's request.
        String authorization = rc.request().getHeader("Authorization");
        String offered = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        if (!bootstrap.matches(offered)) {
            HttpErrors.error(
                    rc, 401, "bootstrap-required", "Creating an organisation needs the hub's bootstrap token.");
            return;
        }
        JsonObject body = body(rc);
        if (body == null) return;
        String name = text(body, "name", 120);
        String adminName = text(body, "adminName", 120);
        String id = text(body, "id", 63);
        if (name == null || adminName == null || (id != null && !AssemblyIds.isValid(id))) {
            HttpErrors.error(
                    rc,
                    422,
                    "invalid-args",
                    "Send {\"name\", \"adminName\"} (at most 120 characters each) and optionally an \"id\" of"
                            + " lowercase letters, digits and dashes.");
            return;
        }
        String orgId = id != null ? id : Slugs.of(name, "organisation", random);
        String token = tokens.newToken(orgId);
        Organisation organisation =
                new Organisation(orgId, name, List.of(new Admin("a1", adminName, Tokens.hash(token))), List.of());
        organisations
                .create(organisation)
                .onSuccess(created -> HttpErrors.json(
                        rc,
                        201,
                        new JsonObject()
                                .put("id", orgId)
                                .put("name", name)
                                .put("adminLink", adminLink(publicUrl, token))
                                .put("publicPage", publicUrl + "/o/" + orgId)))
                .onFailure(failure -> {
                    if (failure instanceof Organisations.Exists) {
                        HttpErrors.error(
                                rc, 409, "organisation-exists", "An organisation with this id already exists.");
                    } else {
                        HttpErrors.error(rc, 503, "busy", "The organisation could not be saved. Please try again.");
                    }
                });
    }

    /**
     * The administrator's link: a page whose button posts back (opening a link changes nothing); the post, from the
     * hub's own page only, gives this browser the cookie and their console.
     */
    private void admin(RoutingContext rc, boolean post) {
        String token = rc.pathParam("token");
        if (post && !SameOrigin.check(rc.request(), publicUrl)) {
            HttpErrors.error(rc, 403, "cross-site-request", "This request did not come from the hub's own pages.");
            return;
        }
        String orgId = Tokens.assemblyOf(token).orElse("");
        if (!AssemblyIds.isValid(orgId)) {
            HttpErrors.error(rc, 404, "admin-required", "This administrator's link is not valid.");
            return;
        }
        organisations.find(orgId).onComplete(ar -> {
            Organisation org = ar.succeeded() ? ar.result().orElse(null) : null;
            Admin admin = org == null
                    ? null
                    : org.adminByTokenHash(Tokens.hash(token)).orElse(null);
            if (admin == null) {
                HttpErrors.error(rc, 404, "admin-required", "This administrator's link is not valid (any more).");
                return;
            }
            if (!post) {
                rc.response()
                        .putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("Cache-Control", "no-store")
                        // The form must send a real Origin (browsers say "null" under no-referrer).
                        .putHeader("Referrer-Policy", "strict-origin")
                        .end(JoinPages.administrator(token, org.name(), admin.name()));
                return;
            }
            rc.response()
                    .addCookie(AdminAccess.cookie(token, publicUrl.startsWith("https://")))
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("Location", "/o/" + orgId + "/admin")
                    .setStatusCode(303)
                    .end();
        });
    }

    private void publicPage(RoutingContext rc) {
        String orgId = rc.pathParam("org");
        organisations.find(orgId).onComplete(ar -> {
            if (ar.failed() || ar.result().isEmpty()) {
                HttpErrors.error(rc, 404, "no-such-organisation", "There is no such organisation on this hub.");
                return;
            }
            Organisation o = ar.result().get();
            assemblies(o, true)
                    .onSuccess(list -> HttpErrors.json(
                            rc,
                            200,
                            new JsonObject()
                                    .put("id", o.id())
                                    .put("name", o.name())
                                    .put("assemblies", list)));
        });
    }

    private void overview(RoutingContext rc) {
        AdminAccess.check(rc, organisations, publicUrl, rc.pathParam("org"), false)
                .compose(admitted -> assemblies(admitted.organisation(), false).map(list -> new JsonObject()
                        .put("id", admitted.organisation().id())
                        .put("name", admitted.organisation().name())
                        .put("you", admitted.admin().name())
                        .put("youId", admitted.admin().id())
                        .put(
                                "admins",
                                new JsonArray(admitted.organisation().admins().stream()
                                        .map(a -> new JsonObject()
                                                .put("id", a.id())
                                                .put("name", a.name()))
                                        .toList()))
                        .put("assemblies", list)))
                .onSuccess(body -> HttpErrors.json(rc, 200, body))
                .onFailure(failure -> refuse(rc, failure));
    }

    private void createAssembly(RoutingContext rc) {
        JsonObject body = body(rc);
        if (body == null) return;
        AdminAccess.check(rc, organisations, publicUrl, rc.pathParam("org"), true)
                .compose(admitted -> {
                    NewAssembly asked;
                    try {
                        asked = NewAssembly.read(body);
                    } catch (IllegalArgumentException e) {
                        return Future.failedFuture(invalid(e.getMessage()));
                    }
                    if (admitted.organisation().assemblies().size() >= Organisation.MAX_ASSEMBLIES) {
                        return Future.failedFuture(new Senders.Refused(
                                422, "too-many-assemblies", "An organisation has at most 500 assemblies."));
                    }
                    JsonObject request = new JsonObject()
                            .put("title", asked.title())
                            .put("question", asked.question())
                            .put("public", asked.isPublic())
                            .put("organiserName", admitted.admin().name());
                    return engines.registry("create", request).compose(answer -> {
                        if (Answers.isError(answer)) {
                            return Future.failedFuture(
                                    new Senders.Refused(HttpErrors.statusOf(answer.getString("code")), answer));
                        }
                        String id = answer.getString("assemblyId");
                        OrgAssembly entry = new OrgAssembly(
                                id,
                                asked.languages(),
                                asked.startsOn(),
                                asked.endsOn(),
                                admitted.admin().id());
                        return defaults(id, asked)
                                .compose(set -> organisations.update(
                                        admitted.organisation().id(), o -> {
                                            OrganisationAdminsApi.acting(
                                                    o, admitted.admin().id());
                                            return o.withAssembly(entry);
                                        }))
                                .map(o -> new JsonObject()
                                        .put("id", id)
                                        .put(
                                                "organiserLink",
                                                publicUrl + "/join/"
                                                        + answer.getJsonObject("result")
                                                                .getString("token"))
                                        .put("observerLink", publicUrl + "/a/" + id));
                    });
                })
                .onSuccess(answer -> HttpErrors.json(rc, 201, answer))
                .onFailure(failure -> refuse(rc, failure));
    }

    /**
     * The video and ballot defaults asked at creation, set by the assembly's first organiser (the administrator who
     * created it): {@code set-video}, then {@code set-ballot-rule}, each only when asked.
     */
    private Future<Void> defaults(String assemblyId, NewAssembly asked) {
        Future<Void> video =
                asked.video() == null ? Future.succeededFuture() : asOrganiser(assemblyId, "set-video", asked.video());
        return video.compose(v -> asked.ballotRule() == null
                ? Future.succeededFuture()
                : asOrganiser(assemblyId, "set-ballot-rule", new JsonObject().put("rule", asked.ballotRule())));
    }

    private Future<Void> asOrganiser(String assemblyId, String name, JsonObject args) {
        JsonObject command = new JsonObject()
                .put("actor", new JsonObject().put("personId", "organiser-1").put("role", "organiser"))
                .put("name", name)
                .put("args", args);
        return engines.engine(assemblyId, "command", command)
                .compose(answer -> Answers.isError(answer)
                        ? Future.failedFuture(
                                new Senders.Refused(HttpErrors.statusOf(answer.getString("code")), answer))
                        : Future.succeededFuture());
    }

    /**
     * An organiser's link to one of the organisation's assemblies for this administrator (their own person in it,
     * {@code admin-<id>}, added as an organiser the first time, given a new link after): any administrator can run
     * any of the organisation's assemblies. The previous link of theirs to it stops working.
     */
    private void organiserLink(RoutingContext rc) {
        String assemblyId = rc.pathParam("id");
        AdminAccess.check(rc, organisations, publicUrl, rc.pathParam("org"), true)
                .compose(admitted -> {
                    if (admitted.organisation().assembly(assemblyId).isEmpty()) {
                        return Future.failedFuture(new Senders.Refused(
                                404, "no-such-assembly", "This organisation has no such assembly."));
                    }
                    return OrganiserSeats.linkFor(engines, assemblyId, admitted.admin())
                            .compose(token -> stillAdmin(admitted, assemblyId).map(token));
                })
                .onSuccess(
                        token -> HttpErrors.json(rc, 200, new JsonObject().put("link", publicUrl + "/join/" + token)))
                .onFailure(failure -> refuse(rc, failure));
    }

    /**
     * After a seat was given: an administrator removed meanwhile (their removal ended the seats it found, perhaps
     * before this one) gets no link, and the seat just given ends.
     */
    private Future<Void> stillAdmin(AdminAccess.Admitted admitted, String assemblyId) {
        String adminId = admitted.admin().id();
        return organisations.find(admitted.organisation().id()).compose(now -> {
            if (now.isPresent() && now.get().admin(adminId).isPresent()) return Future.succeededFuture();
            Organisation gone = new Organisation(
                    admitted.organisation().id(),
                    admitted.organisation().name(),
                    List.of(),
                    admitted.organisation().assemblies().stream()
                            .filter(a -> a.id().equals(assemblyId))
                            .toList());
            return OrganiserSeats.revoke(engines, gone, adminId)
                    .compose(ended -> Future.failedFuture(new Senders.Refused(
                            401, "admin-required", "You are no longer an administrator of this organisation.")));
        });
    }

    /** The organisation's assemblies as the registry knows them now (only the public ones for its public page). */
    private Future<JsonArray> assemblies(Organisation organisation, boolean publicOnly) {
        return engines.registry("list", new JsonObject()).map(answer -> {
            Map<String, JsonObject> known = answer.getJsonArray("assemblies", new JsonArray()).stream()
                    .map(JsonObject.class::cast)
                    .collect(Collectors.toMap(a -> a.getString("id"), Function.identity(), (a, b) -> a));
            JsonArray list = new JsonArray();
            for (OrgAssembly a : organisation.assemblies()) {
                JsonObject info = known.get(a.id());
                if (info == null || (publicOnly && !info.getBoolean("public", false))) continue;
                JsonObject item = new JsonObject()
                        .put("id", a.id())
                        .put("title", info.getString("title"))
                        .put("phase", info.getString("phase"))
                        .put("languages", new JsonArray(a.languages()))
                        .put(
                                "startsOn",
                                a.startsOn() == null ? null : a.startsOn().toString())
                        .put("endsOn", a.endsOn() == null ? null : a.endsOn().toString());
                if (!publicOnly) item.put("public", info.getBoolean("public", false));
                list.add(item);
            }
            return list;
        });
    }

    static JsonObject body(RoutingContext rc) {
        try {
            JsonObject body = rc.body().asJsonObject();
            if (body != null) return body;
        } catch (DecodeException e) {
            // answered below
        }
        HttpErrors.error(rc, 400, "malformed-json", "Send a JSON object.");
        return null;
    }

    static String text(JsonObject body, String field, int max) {
        Object value = body.getValue(field);
        if (!(value instanceof String s) || s.isBlank() || s.length() > max) return null;
        return s.trim();
    }

    static Senders.Refused invalid(String message) {
        return new Senders.Refused(422, "invalid-args", message);
    }

    static void refuse(RoutingContext rc, Throwable failure) {
        if (failure instanceof Senders.Refused refused) {
            HttpErrors.json(rc, refused.refusal.status(), refused.refusal.body());
        } else {
            HttpErrors.error(rc, 503, "busy", "The organisation could not be read or saved. Please try again.");
        }
    }
}
