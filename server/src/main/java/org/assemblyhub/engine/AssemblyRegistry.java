package org.assemblyhub.engine;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.LimitsConfig;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.store.AssemblyIds;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.PersonKeys;
import org.assemblyhub.store.Snapshots;
import org.assemblyhub.support.Slugs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Knows which assemblies exist and runs one {@link AssemblyEngine} per assembly, each on its own context.
 * At start it deploys an engine for every journal in the store, each on its own: an assembly whose journal cannot be
 * read (damaged, unreadable) is logged and listed as unavailable ({@code health}), and the others run.
 * {@code create} makes a new assembly.
 */
public final class AssemblyRegistry extends VerticleBase {
    private static final System.Logger LOG = System.getLogger(AssemblyRegistry.class.getName());
    /** An id taken by a create that is still under way: two creates of one id cannot both pass. */
    private static final String RESERVED = "";

    private final EventStore store;
    private final Clock clock;
    private final Tokens tokens;
    private final RandomGenerator random;
    private final Map<String, String> deployments = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> unavailable = new ConcurrentHashMap<>();
    private MessageConsumer<JsonObject> consumer;

    private final Rules rules;
    private Snapshots snapshots;

    private PersonKeys personKeys;

    /** Where every engine keeps its people's keys (default: none — personal data in the clear, for tests only). */
    public AssemblyRegistry withPersonKeys(PersonKeys personKeys) {
        this.personKeys = personKeys;
        return this;
    }

    /** Where every engine keeps snapshots of its model (default: none). */
    public AssemblyRegistry withSnapshots(Snapshots snapshots) {
        this.snapshots = snapshots;
        return this;
    }

    private LimitsConfig limits = LimitsConfig.DEFAULTS;
    private Placement placement = Placement.SOLE;

    /** Which assemblies this node runs (default: every journal it has). */
    public AssemblyRegistry withPlacement(Placement placement) {
        this.placement = placement;
        return this;
    }

    private int commandRate = 10;

    /** Commands a second per person in each assembly (the same as per socket). */
    public AssemblyRegistry withCommandRate(int perSecond) {
        this.commandRate = perSecond;
        return this;
    }

    /** What participants may write into each assembly's journal. */
    public AssemblyRegistry withLimits(LimitsConfig limits) {
        this.limits = limits;
        return this;
    }

    /** {@code capabilities}: what every assembly of this hub can do, in the order their reactions run. */
    public AssemblyRegistry(EventStore store, Clock clock, RandomGenerator random, List<Capability> capabilities) {
        this.rules = new Rules(capabilities);
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.tokens = new Tokens(random);
    }

    @Override
    public Future<?> start() {
        Future<Set<String>> ids =
                placement.opensEveryJournal() ? store.assemblyIds() : Future.succeededFuture(Set.of());
        return ids.compose(all ->
                        Future.all(all.stream().map(id -> open(id, Tenure.SOLE)).toList()))
                .compose(v -> {
                    // Local: a node creates, lists and reports on its own; engines are reached wherever they run.
                    consumer = vertx.eventBus().localConsumer(EngineAddresses.REGISTRY, this::onRequest);
                    return consumer.completion();
                });
    }

    /**
     * Starts the engine of an existing assembly on this node, held by {@code tenure}. One whose journal cannot be read
     * is listed as unavailable and answered for by a stand-in; the returned future fails only if it was open already.
     */
    public Future<Void> open(String assemblyId, Tenure tenure) {
        if (deployments.putIfAbsent(assemblyId, RESERVED) != null) {
            return Future.failedFuture("assembly " + assemblyId + " is already open on this node");
        }
        return deploy(assemblyId, tenure).<Void>mapEmpty().recover(failure -> {
            deployments.remove(assemblyId);
            unavailable.put(assemblyId, UnavailableAssembly.describe(assemblyId, failure));
            LOG.log(System.Logger.Level.ERROR, "assembly " + assemblyId + " is not started: " + failure.getMessage());
            answerUnavailable(assemblyId);
            return Future.succeededFuture();
        });
    }

    /** Stops the engine of an assembly this node no longer owns (its requests then reach the new owner). */
    public Future<Void> close(String assemblyId) {
        String deployment = deployments.remove(assemblyId);
        if (deployment == null || RESERVED.equals(deployment)) return Future.succeededFuture();
        return vertx.undeploy(deployment);
    }

    /** The assemblies whose engine runs on this node. */
    public Set<String> running() {
        return deployments.entrySet().stream()
                .filter(e -> !RESERVED.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Its people are told it cannot open now (and their browsers keep retrying), not that it does not exist (which
     * would make them give up): a stand-in answers at its engine's address.
     */
    private void answerUnavailable(String assemblyId) {
        vertx.eventBus()
                .<JsonObject>consumer(
                        EngineAddresses.engine(assemblyId),
                        message -> message.reply(
                                Answers.error(
                                        "unavailable",
                                        "This assembly cannot open right now: its record needs the operators' attention. Please try again later.")));
    }

    private Future<String> deploy(String assemblyId, Tenure tenure) {
        AssemblyEngine engine = new AssemblyEngine(assemblyId, store, clock, tokens, rules);
        if (personKeys != null) engine.withPersonKeys(personKeys);
        return vertx.deployVerticle(engine.withTenure(tenure)
                        .withSnapshots(snapshots)
                        .withLimits(limits)
                        .withCommandRate(commandRate))
                .onSuccess(id -> deployments.put(assemblyId, id));
    }

    private void onRequest(Message<JsonObject> message) {
        String op = message.headers().get("op");
        if ("create".equals(op)) {
            create(message.body())
                    .onComplete(ar -> message.reply(
                            ar.succeeded()
                                    ? ar.result()
                                    : Answers.error(
                                            "create-failed",
                                            "The assembly could not be created: "
                                                    + ar.cause().getMessage())));
        } else if ("list".equals(op)) {
            list().onSuccess(message::reply);
        } else if ("health".equals(op)) {
            message.reply(new JsonObject()
                    .put("unavailable", new JsonArray(List.copyOf(unavailable.values())))
                    .put("running", new JsonArray(List.copyOf(new TreeSet<>(running())))));
        } else {
            message.reply(Answers.error("unknown-op", "Unknown registry request '" + op + "'."));
        }
    }

    /**
     * Creates an assembly: body {title, question, public, organiserName}; answers with its id and the organiser's
     * token.
     */
    private Future<JsonObject> create(JsonObject body) {
        String requested = body.getString("id");
        String id = requested != null ? requested : newId(body.getString("title", "assembly"));
        if (!AssemblyIds.isValid(id)) {
            return Future.succeededFuture(
                    Answers.error("invalid-id", "An assembly id uses lowercase letters, digits and '-' (at most 63)."));
        }
        // Reserved before anything asynchronous: a second create of the same id, arriving meanwhile, is refused here.
        if (unavailable.containsKey(id) || deployments.putIfAbsent(id, RESERVED) != null) {
            return Future.succeededFuture(Answers.error("assembly-exists", "An assembly with this id already exists."));
        }
        JsonObject command = new JsonObject()
                .put("actor", new JsonObject().put("hub", true))
                .put("name", "create-assembly")
                .put("args", body);
        Future<Tenure> admitted = placement.admit(id);
        return admitted.recover(taken -> {
                    deployments.remove(id);
                    return Future.failedFuture(new IllegalStateException("taken", taken));
                })
                .compose(tenure -> deploy(id, tenure))
                .compose(d -> vertx.eventBus()
                        .<JsonObject>request(EngineAddresses.engine(id), command, AssemblyEngine.op("command")))
                .onFailure(failure -> {
                    if (admitted.succeeded()) undeploy(id);
                })
                .map(reply -> {
                    JsonObject answer = reply.body();
                    if (Answers.isError(answer)) {
                        undeploy(id);
                        return answer;
                    }
                    return answer.put("assemblyId", id);
                })
                .recover(failure -> admitted.failed()
                        ? Future.succeededFuture(
                                Answers.error("assembly-exists", "An assembly with this id already exists."))
                        : Future.failedFuture(failure));
    }

    private void undeploy(String assemblyId) {
        String deployment = deployments.remove(assemblyId);
        if (deployment != null && !RESERVED.equals(deployment)) vertx.undeploy(deployment);
        placement.release(assemblyId);
    }

    /** Every assembly of the hub: on a cluster, those of the shared journal, wherever their engine runs. */
    private Future<JsonObject> list() {
        Future<Set<String>> ids = placement.opensEveryJournal()
                ? Future.succeededFuture(running())
                : store.assemblyIds().map(stored -> {
                    Set<String> all = new TreeSet<>(stored);
                    all.addAll(running());
                    return all;
                });
        return ids.compose(this::summaries);
    }

    private Future<JsonObject> summaries(Set<String> ids) {
        List<Future<JsonObject>> summaries = new ArrayList<>();
        for (String id : ids) {
            summaries.add(vertx.eventBus()
                    .<JsonObject>request(EngineAddresses.engine(id), new JsonObject(), AssemblyEngine.op("summary"))
                    .map(Message::body)
                    .otherwise(failure -> Answers.error("unavailable", "not reachable")));
        }
        return Future.all(summaries).map(all -> {
            JsonArray assemblies = new JsonArray();
            for (Future<JsonObject> f : summaries) {
                if (!Answers.isError(f.result())) assemblies.add(f.result());
            }
            return new JsonObject().put("status", "ok").put("assemblies", assemblies);
        });
    }

    private String newId(String title) {
        return Slugs.of(title, "assembly", random);
    }
}
