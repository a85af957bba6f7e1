package org.assemblyhub.web.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.assemblyhub.assembly.roster.RosterCsv;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.support.BoundedWorkers;

import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The HTTP side of organising: create and list assemblies (bootstrap token), import a roster from CSV and get one
 * invitation link per person (organiser session), list public assemblies (anyone). Live actions go over /live.
 */
public final class AssemblyApi {
    private static final long MAX_BODY = 2L * 1024 * 1024;

    private final EngineClient engines;
    private final BootstrapToken bootstrap;
    private final String publicUrl;
    private final BoundedWorkers uploads;

    public AssemblyApi(EngineClient engines, BootstrapToken bootstrap, String publicUrl, BoundedWorkers uploads) {
        this.engines = engines;
        this.bootstrap = bootstrap;
        this.publicUrl = publicUrl;
        this.uploads = uploads;
    }

    public void mount(Router router) {
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        router.post("/api/assemblies").handler(this::create);
        router.get("/api/assemblies").handler(this::list);
        router.get("/api/public-assemblies").handler(this::listPublic);
        router.post("/api/assemblies/:id/roster").handler(this::importRoster);
        router.post("/api/assemblies/:id/script").handler(this::attachScript);
    }

    public String link(String token) {
        return publicUrl + "/join/" + token;
    }

    private void create(RoutingContext rc) {
        if (!bootstrap.matches(Sessions.tokenOf(rc.request()))) {
            HttpErrors.error(
                    rc,
                    401,
                    "bootstrap-required",
                    "Creating an assembly needs the hub's bootstrap token (Authorization: Bearer …).");
            return;
        }
        JsonObject body;
        try {
            body = rc.body().asJsonObject();
        } catch (DecodeException e) {
            body = null;
        }
        if (body == null) {
            HttpErrors.error(
                    rc,
                    400,
                    "malformed-json",
                    "Send a JSON object: {\"title\", \"question\", \"public\", \"organiserName\"}.");
            return;
        }
        JsonObject request = new JsonObject()
                .put("title", body.getValue("title"))
                .put("question", body.getValue("question"))
                .put("public", body.getValue("public"))
                .put("organiserName", body.getValue("organiserName", "Organiser"));
        if (body.getValue("id") instanceof String id) request.put("id", id);
        if (body.getValue("deliveryKey") != null) request.put("deliveryKey", body.getValue("deliveryKey"));
        engines.registry("create", request).onSuccess(answer -> {
            if (Answers.isError(answer)) {
                HttpErrors.json(rc, HttpErrors.statusOf(answer.getString("code")), answer);
                return;
            }
            String id = answer.getString("assemblyId");
            HttpErrors.json(
                    rc,
                    201,
                    new JsonObject()
                            .put("id", id)
                            .put(
                                    "organiserLink",
                                    link(answer.getJsonObject("result").getString("token")))
                            .put("observerLink", publicUrl + "/a/" + id));
        });
    }

    private void list(RoutingContext rc) {
        if (!bootstrap.matches(Sessions.tokenOf(rc.request()))) {
            HttpErrors.error(rc, 401, "bootstrap-required", "Listing all assemblies needs the hub's bootstrap token.");
            return;
        }
        engines.registry("list", new JsonObject()).onSuccess(answer -> HttpErrors.json(rc, 200, answer));
    }

    private void listPublic(RoutingContext rc) {
        engines.registry("list", new JsonObject()).onSuccess(answer -> {
            JsonArray visible = new JsonArray();
            JsonArray all = answer.getJsonArray("assemblies", new JsonArray());
            for (int i = 0; i < all.size(); i++) {
                JsonObject a = all.getJsonObject(i);
                if (a.getBoolean("public", false)) {
                    visible.add(new JsonObject()
                            .put("id", a.getString("id"))
                            .put("title", a.getString("title"))
                            .put("phase", a.getString("phase")));
                }
            }
            HttpErrors.json(rc, 200, new JsonObject().put("assemblies", visible));
        });
    }

    private void importRoster(RoutingContext rc) {
        if (!hasContentType(rc, "text/csv")) {
            HttpErrors.error(rc, 415, "csv-required", "Send the roster as text/csv.");
            return;
        }
        asOrganiser(rc, (assemblyId, who) -> {
            String csv = rc.body().asString("UTF-8");
            uploads.submit(() -> RosterCsv.parse(csv))
                    .onSuccess(parsed -> imported(rc, assemblyId, who, parsed))
                    .onFailure(e -> HttpErrors.error(
                            rc,
                            503,
                            "busy",
                            "The hub is busy reading other uploads. Please try again in a few seconds."));
        });
    }

    /**
     * A run-of-show script (YAML); problems come back with their lines, like the CSV import. Not {@code text/plain}:
     * that is what a plain HTML form can send from another page.
     */
    private void attachScript(RoutingContext rc) {
        if (!hasContentType(rc, "text/yaml", "application/yaml", "application/x-yaml")) {
            HttpErrors.error(rc, 415, "yaml-required", "Send the script as text/yaml.");
            return;
        }
        asOrganiser(rc, (assemblyId, who) -> {
            JsonObject command = new JsonObject()
                    .put("actor", actor(who))
                    .put("name", "attach-script")
                    .put("args", new JsonObject().put("yaml", rc.body().asString("UTF-8")));
            engines.engine(assemblyId, "command", command).onSuccess(answer -> {
                if (Answers.isError(answer)) {
                    HttpErrors.json(rc, HttpErrors.statusOf(answer.getString("code")), answer);
                } else {
                    HttpErrors.json(
                            rc,
                            200,
                            new JsonObject()
                                    .put("seq", answer.getLong("seq"))
                                    .put(
                                            "sessions",
                                            answer.getJsonObject("result").getInteger("sessions")));
                }
            });
        });
    }

    private static boolean hasContentType(RoutingContext rc, String... accepted) {
        String contentType = rc.request().getHeader("Content-Type");
        if (contentType == null) return false;
        String lower = contentType.toLowerCase();
        for (String type : accepted) if (lower.startsWith(type)) return true;
        return false;
    }

    /** Runs {@code then} with the organiser behind the request (session cookie from the hub's pages, or Bearer). */
    private void asOrganiser(RoutingContext rc, BiConsumer<String, JsonObject> then) {
        Senders.identify(rc, engines, publicUrl, Set.of("organiser"), "Only organisers can do this.")
                .onSuccess(who -> then.accept(rc.pathParam("id"), who))
                .onFailure(failure -> {
                    if (failure instanceof Senders.Refused refused) {
                        HttpErrors.json(rc, refused.refusal.status(), refused.refusal.body());
                    } else {
                        HttpErrors.error(rc, 500, "internal", "The request could not be checked.");
                    }
                });
    }

    private static JsonObject actor(JsonObject who) {
        return new JsonObject().put("personId", who.getString("personId")).put("role", who.getString("role"));
    }

    private void imported(RoutingContext rc, String assemblyId, JsonObject who, RosterCsv.Result parsed) {
        if (!parsed.ok()) {
            JsonArray problems = new JsonArray();
            parsed.problems().forEach(p -> problems.add(p.toJson()));
            HttpErrors.json(
                    rc,
                    422,
                    new JsonObject()
                            .put("code", "csv-invalid")
                            .put(
                                    "message",
                                    "The roster was not imported: "
                                            + parsed.problems().size() + " problem(s) to fix.")
                            .put("problems", problems));
            return;
        }
        JsonObject command = new JsonObject()
                .put("actor", actor(who))
                .put("name", "import-roster")
                .put("args", new JsonObject().put("people", parsed.people()));
        engines.engine(assemblyId, "command", command).onSuccess(answer -> respondImported(rc, parsed, answer));
    }

    private void respondImported(RoutingContext rc, RosterCsv.Result parsed, JsonObject answer) {
        if (Answers.isError(answer)) {
            HttpErrors.json(rc, HttpErrors.statusOf(answer.getString("code")), answer);
            return;
        }
        JsonObject body =
                ImportedPeople.answer(publicUrl, rc.pathParam("id"), parsed.people(), answer.getJsonObject("result"));
        body.put("seq", answer.getLong("seq"));
        HttpErrors.json(rc, 200, body);
    }
}
