package org.assemblyhub.demo;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.EngineAddresses;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.Tokens;

import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * Keeps {@code demo-links.txt} true while the demo runs: when the organiser console gives a demo person a new link
 * ("New link") the file gets it, and when one is revoked ("Revoke link") the file says so — without the engine
 * knowing anything of the demo. It watches the event bus from the outside:
 * <ul>
 *   <li>the answer to a re-issue, on its way back to the organiser, names the person and carries the new token (the
 *       journal keeps only its hash, so this answer is the one place the token exists);</li>
 *   <li>a revoked or replaced link makes the engine end the person's sessions (a {@code kick} on the assembly's out
 *       address): the keeper then asks the engine whether the link in the file still works, and if not, and no newer
 *       one came meanwhile, marks it revoked.</li>
 * </ul>
 * Both arrive here in the order the engine sent them; the file is rewritten in order on a worker, atomically.
 */
final class DemoLinksKeeper extends VerticleBase {
    private static final System.Logger LOG = System.getLogger(DemoLinksKeeper.class.getName());
    private static final String OUT = EngineAddresses.out(DemoAssembly.ID);

    private final Path file;
    private final String publicUrl;
    private DemoLinks links;
    private EngineClient engines;
    private Handler<DeliveryContext<Object>> watch;

    DemoLinksKeeper(Path file, String publicUrl, DemoLinks links) {
        this.file = file;
        this.publicUrl = publicUrl;
        this.links = links;
    }

    @Override
    public Future<?> start() {
        engines = new EngineClient(vertx);
        // Runs on the sender's thread for every message: it only looks, and hands what it saw to this verticle.
        watch = delivery -> {
            observe(delivery);
            delivery.next();
        };
        vertx.eventBus().addOutboundInterceptor(watch);
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.eventBus().removeOutboundInterceptor(watch);
        return Future.succeededFuture();
    }

    private void observe(DeliveryContext<Object> delivery) {
        if (OUT.equals(delivery.message().address())) {
            String kicked = delivery.message().headers().get("kick");
            if (kicked != null) context.runOnContext(v -> linkEnded(kicked));
        } else if (delivery.body() instanceof JsonObject answer
                && answer.getValue("result") instanceof JsonObject result
                && result.getValue("token") instanceof String token
                && result.getValue("personId") instanceof String personId
                && Tokens.assemblyOf(token).filter(DemoAssembly.ID::equals).isPresent()) {
            context.runOnContext(v -> reissued(personId, token));
        }
    }

    private void reissued(String personId, String token) {
        String link = publicUrl + "/join/" + token;
        links.person(personId).filter(e -> !link.equals(e.link())).ifPresent(e -> save(links.withLink(personId, link)));
    }

    /** A session-ending fact: the link was replaced (its new one is on its way here) or revoked. */
    private void linkEnded(String personId) {
        links.person(personId).filter(e -> e.token() != null).ifPresent(before -> engines.engine(
                        DemoAssembly.ID, "identify", new JsonObject().put("token", before.token()))
                .onSuccess(identity -> {
                    boolean unchanged = links.person(personId)
                            .map(now -> before.link().equals(now.link()))
                            .orElse(false);
                    if (unchanged && "invalid-invitation".equals(identity.getString("code"))) {
                        save(links.withLink(personId, null));
                    }
                }));
    }

    private void save(DemoLinks changed) {
        links = changed;
        vertx.executeBlocking(() -> {
                    changed.write(file);
                    return null;
                })
                .onFailure(e -> LOG.log(Level.WARNING, "demo: could not rewrite " + file, e));
    }
}
