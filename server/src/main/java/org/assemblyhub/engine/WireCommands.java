package org.assemblyhub.engine;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.kernel.plug.Decoded;
import org.assemblyhub.kernel.plug.WireArgs;
import org.assemblyhub.kernel.plug.WireCommand;

import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Every wire command of the hub's capabilities (each brings its table). A request is checked in this order, cheapest
 * first: the name is
 * known, the sender's role may send it, then its arguments are read ({@link WireArgs}). Decoding never throws: a
 * problem is a coded answer, and nothing of the arguments is ever written to the log.
 */
final class WireCommands {
    private static final System.Logger LOG = System.getLogger(WireCommands.class.getName());

    /** The answer when a decoder fails in a way it should not (a bug): the fuzz test fails on it. */
    static final String DECODER_FAULT = "These arguments could not be read.";

    private final String assemblyId;
    private final Tokens tokens;
    private final RandomGenerator random;
    private final Map<String, WireCommand> byName = new LinkedHashMap<>();

    WireCommands(String assemblyId, Tokens tokens, RandomGenerator random, List<WireCommand> commands) {
        this.assemblyId = assemblyId;
        this.tokens = tokens;
        this.random = random;
        commands.forEach(c -> {
            if (byName.put(c.name(), c) != null) throw new IllegalStateException("two wire commands named " + c.name());
        });
    }

    /** The names every client may try (docs/protocol.md lists them). */
    Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }

    /** Null when {@code actor} may send {@code name}; otherwise the refusal. Reads no argument. */
    JsonObject refusal(Actor actor, String name) {
        WireCommand command = name == null ? null : byName.get(name);
        if (command == null) {
            return Answers.error("unknown-command", "There is no command called '" + shorten(name) + "'.");
        }
        if (actor.isHub()) return null;
        if (actor.personId() == null || !command.senders().contains(actor.role())) {
            return Answers.error("forbidden", "Your role in this assembly cannot do this.");
        }
        return null;
    }

    boolean heavy(String name) {
        WireCommand command = byName.get(name);
        return command != null && command.heavy();
    }

    /** The sender's check, then the arguments. Never throws. */
    Decoded decode(Actor actor, String name, JsonObject args) {
        return decode(actor, name, args, null);
    }

    /** {@code deliveryKey}: the delivery officer's public key (PEM) when this assembly's invitations are sealed. */
    Decoded decode(Actor actor, String name, JsonObject args, String deliveryKey) {
        JsonObject refusal = refusal(actor, name);
        if (refusal != null) return new Decoded(null, null, refusal);
        try {
            return byName.get(name)
                    .decoder()
                    .decode(
                            new WireArgs(args),
                            new WireCommand.Context(assemblyId, actor, tokens, random, deliveryKey));
        } catch (WireArgs.BadArgs e) {
            return Decoded.invalid(e.getMessage());
        } catch (RuntimeException e) {
            // A bug, not the sender's fault: say so without echoing what was sent (it may hold a ballot secret).
            LOG.log(
                    Level.ERROR,
                    "assembly {0}: decoding ''{1}'' failed with {2}",
                    assemblyId,
                    name,
                    e.getClass().getName());
            return Decoded.failed("invalid-args", DECODER_FAULT);
        }
    }

    private static String shorten(String name) {
        String s = String.valueOf(name);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
