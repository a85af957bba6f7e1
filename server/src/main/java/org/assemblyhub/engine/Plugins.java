package org.assemblyhub.engine;

import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.plug.Engine;
import org.assemblyhub.kernel.plug.Plugin;

import java.util.ArrayList;
import java.util.List;

/** The capabilities' plugins of one engine, made once it starts, and what the engine tells them, in list order. */
final class Plugins {
    private final List<Plugin> all = new ArrayList<>();

    Plugins(Rules rules, Engine services) {
        for (var capability : rules.capabilities()) {
            Plugin plugin = capability.plugin(services);
            if (plugin != null) all.add(plugin);
        }
    }

    /** A wire command a plugin answers itself, without the journal (say, {@code video-join}); null if none does. */
    Plugin.Query query(String name) {
        for (Plugin p : all) {
            Plugin.Query q = p.queries().get(name);
            if (q != null) return q;
        }
        return null;
    }

    /** An engine request a plugin serves (say, {@code signal}); null if none does. */
    Plugin.Op op(String name) {
        for (Plugin p : all) {
            Plugin.Op o = p.ops().get(name);
            if (o != null) return o;
        }
        return null;
    }

    /** True when a plugin took the command (and will answer it). */
    boolean intercept(Actor actor, String key, DomainCommand command, Promise<JsonObject> answer) {
        for (Plugin p : all) {
            if (p.intercept(actor, key, command, answer)) return true;
        }
        return false;
    }

    JsonObject describe(JsonObject identity) {
        all.forEach(p -> p.describe(identity));
        return identity;
    }

    void landed(List<DomainEvent> events) {
        all.forEach(p -> p.landed(events));
    }

    void started() {
        all.forEach(Plugin::started);
    }

    void left(String personId) {
        all.forEach(p -> p.left(personId));
    }

    void moved(String personId, Audience to) {
        all.forEach(p -> p.moved(personId, to));
    }
}
