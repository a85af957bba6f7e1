package org.assemblyhub.web.http;

import io.vertx.ext.web.Router;
import org.assemblyhub.config.HubConfig;
import org.assemblyhub.engine.EngineClient;

/**
 * Everything that sets or clears the session cookie, in one place: the invitation link ({@code GET} shows who it is
 * for, {@code POST} joins), the renewal when the assembly's page opens, and leaving a device. Mount before the app's
 * own {@code /a/:id} route.
 */
public final class SessionRoutes {
    private SessionRoutes() {}

    public static void mount(Router router, EngineClient engines, HubConfig config) {
        JoinRoute join = new JoinRoute(engines, config.secureCookies(), config.publicUrl());
        router.get("/join/:token").handler(join::show);
        router.post("/join/:token").handler(join::join);
        router.post("/leave").handler(new LeaveRoute(config.secureCookies(), config.publicUrl()));
        router.get("/a/:id").handler(new SessionRenewal(join, config.secureCookies()));
    }
}
