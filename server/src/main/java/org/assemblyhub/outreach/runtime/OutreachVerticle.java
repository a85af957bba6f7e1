package org.assemblyhub.outreach.runtime;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.OutreachConfig;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.outreach.domain.Channel;
import org.assemblyhub.store.AssemblyIds;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The hub's outreach, deployed once: the organisers' requests arrive on {@link #ADDRESS} (from the HTTP API), and a
 * periodic round queues reminders and sends what is owed. Everything runs on this verticle's context; files are
 * written on workers, mail and text messages go out without blocking, so no engine ever waits for a mail server.
 */
public final class OutreachVerticle extends VerticleBase {
    /** Event-bus address of the organisers' requests: {@code op} and {@code assemblyId} in the body. */
    public static final String ADDRESS = "outreach.requests";

    private final OutreachConfig config;
    private final Path dataDir;
    private final String publicUrl;
    private final Assemblies assemblies;
    private final Clock clock;
    private final RandomGenerator random;
    private final Duration every;
    private Mailroom room;
    private Postman postman;
    private OrganiserRequests requests;
    private MemberRequests members;
    private MailCourier mail;

    /** {@code every}: how often the postman goes round (a few seconds; shorter in tests). */
    public OutreachVerticle(
            OutreachConfig config,
            Path dataDir,
            String publicUrl,
            Assemblies assemblies,
            Clock clock,
            RandomGenerator random,
            Duration every) {
        this.config = config;
        this.dataDir = dataDir;
        this.publicUrl = publicUrl;
        this.assemblies = assemblies;
        this.clock = clock;
        this.random = random;
        this.every = every;
    }

    /**
     * Nothing at all on a hub without a mail server nor a gateway: requests then find no consumer (in a cluster, they
     * reach the one node that has the settings, the consumer being cluster-wide).
     */
    @Override
    public Future<?> start() {
        if (!config.any()) return Future.succeededFuture();
        Outboxes outboxes = new Outboxes(vertx, dataDir);
        return vertx.executeBlocking(() -> LinkSecret.loadOrCreate(dataDir))
                .compose(secret -> outboxes.load().map(secret))
                .map(secret -> {
                    room = new Mailroom(config, publicUrl, secret, outboxes, assemblies, clock, random);
                    if (config.mail() != null) {
                        mail = new MailCourier(
                                vertx, config.mail(), URI.create(publicUrl).getHost());
                        room.couriers.put(Channel.EMAIL, mail);
                    }
                    if (config.sms() != null) room.couriers.put(Channel.SMS, new SmsCourier(vertx, config.sms()));
                    postman = new Postman(room);
                    requests = new OrganiserRequests(room, postman::round);
                    members = new MemberRequests(room);
                    vertx.eventBus().<JsonObject>consumer(ADDRESS, this::onRequest);
                    vertx.setPeriodic(every.toMillis(), id -> postman.round());
                    if (config.bounces() != null) {
                        LateBounces late = new LateBounces(vertx, room, new BounceMailboxReader(config.bounces()));
                        vertx.setPeriodic(config.bounces().every().toMillis(), id -> late.round());
                    }
                    return null;
                });
    }

    @Override
    public Future<?> stop() {
        return mail == null ? Future.succeededFuture() : mail.close();
    }

    private void onRequest(Message<JsonObject> message) {
        JsonObject body = message.body();
        String assemblyId = body.getString("assemblyId");
        if (!AssemblyIds.isValid(assemblyId)) {
            message.reply(Answers.error("no-such-assembly", "This assembly does not exist."));
            return;
        }
        Future<JsonObject> answer =
                switch (body.getString("op", "")) {
                    case "invite" -> requests.invite(assemblyId, people(body), body.getBoolean("resend", false));
                    case "results" -> requests.results(
                            assemblyId, people(body), body.getString("note"), body.getBoolean("resend", false));
                    case "reminders" -> requests.reminders(assemblyId, body.getBoolean("on", true));
                    case "log" -> requests.log(assemblyId);
                    case "member-reminders" -> members.answer(
                            assemblyId, body.getString("personId"), body.getString("key"), body.getBoolean("on"));
                    case "erased" -> {
                        postman.erased(assemblyId);
                        yield Future.succeededFuture(new JsonObject());
                    }
                    default -> Future.succeededFuture(Answers.error("unknown-op", "Unknown outreach request."));
                };
        answer.onSuccess(message::reply)
                .onFailure(e -> message.reply(
                        Answers.error("unavailable", "The outreach could not do this now: " + e.getMessage())));
    }

    private static List<String> people(JsonObject body) {
        JsonArray people = body.getJsonArray("people");
        return people == null ? null : people.stream().map(String::valueOf).toList();
    }
}
