package org.assemblyhub.web.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.assembly.access.Tokens;
import org.assemblyhub.assembly.engine.Answers;
import org.assemblyhub.assembly.engine.EngineClient;

/**
 * {@code GET /join/:token} — the personal invitation link. A valid token becomes the session cookie and the person
 * lands on their assembly; an invalid one gets a plain page in French and English saying what to do.
 */
public final class JoinRoute implements Handler<RoutingContext> {
    private final EngineClient engines;
    private final boolean secureCookies;

    public JoinRoute(EngineClient engines, boolean secureCookies) {
        this.engines = engines;
        this.secureCookies = secureCookies;
    }

    @Override
    public void handle(RoutingContext rc) {
        String token = rc.pathParam("token");
        String assemblyId = Tokens.assemblyOf(token).orElse("");
        engines.engine(assemblyId, "identify", new io.vertx.core.json.JsonObject().put("token", token)).onSuccess(answer -> {
            if (Answers.isError(answer)) {
                rc.response().setStatusCode(403).putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("Cache-Control", "no-store").end(INVALID);
                return;
            }
            rc.response().addCookie(Sessions.cookie(token, secureCookies))
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("Location", "/a/" + assemblyId)
                    .setStatusCode(303).end();
        });
    }

    private static final String INVALID = """
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Lien non valide · Link not valid</title><link rel="stylesheet" href="/styles.css"></head>
            <body><main class="notice">
            <h1>Ce lien d'invitation n'est plus valide</h1>
            <p>Il a peut-être été remplacé ou révoqué. Demandez un nouveau lien à l'équipe d'organisation.</p>
            <h1 lang="en">This invitation link is no longer valid</h1>
            <p lang="en">It may have been replaced or revoked. Please ask the organisers for a new link.</p>
            </main></body></html>
            """;
}
