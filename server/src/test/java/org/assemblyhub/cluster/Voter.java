package org.assemblyhub.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * A person's socket to one node of a cluster, the way the browser's socket module behaves: a command is retried with
 * the same id until it is acknowledged (the hub answers a retry with the first answer, never applying it twice), and
 * a socket that closes — its node died — reconnects to another node and resumes from its last seq.
 */
final class Voter {
    private final Vertx vertx;
    private final String assemblyId;
    private final String token;
    private final IntSupplier nextPort;
    private LiveClient client;
    private int reconnects;
    private int refusals;

    Voter(Vertx vertx, String assemblyId, String token, int port, IntSupplier nextPort) {
        this.vertx = vertx;
        this.assemblyId = assemblyId;
        this.token = token;
        this.nextPort = nextPort;
        this.client = LiveClient.connect(vertx, port, token).join(assemblyId);
    }

    LiveClient client() {
        return client;
    }

    int reconnects() {
        return reconnects;
    }

    /** Answers refused while the assembly moved ({@code unavailable}), each followed by a retry. */
    int refusals() {
        return refusals;
    }

    /** Sends the command until it is acknowledged; returns the ack. Fails on any refusal but the assembly moving. */
    JsonNode untilAcked(String id, String name, JsonObject args, long deadlineNanos) {
        while (System.nanoTime() < deadlineNanos) {
            if (client.isClosed()) reconnect(deadlineNanos);
            int before = client.messages().size();
            client.command(id, name, args);
            JsonNode answer = awaitAnswer(id, before, deadlineNanos);
            if (answer == null) continue;
            if (answer.path("type").asText().equals("ack")) return answer;
            String code = answer.path("code").asText();
            if (!List.of("unavailable", "journal-unavailable").contains(code))
                throw new AssertionError("command " + id + " refused: " + answer);
            refusals++;
            HubNode.sleep(100);
        }
        throw new AssertionError("command " + id + " never acknowledged; frames: " + client.frames());
    }

    /** The ack or error for {@code id}, or null when the socket closed first. */
    private JsonNode awaitAnswer(String id, int from, long deadlineNanos) {
        while (System.nanoTime() < deadlineNanos) {
            List<JsonNode> messages = client.messages();
            for (int i = from; i < messages.size(); i++) {
                JsonNode m = messages.get(i);
                if (id.equals(m.path("id").asText())) return m;
            }
            if (client.isClosed()) return null;
            HubNode.sleep(5);
        }
        return null;
    }

    /** Its node is gone: the same person, on another node, resuming from the last seq it showed. */
    private void reconnect(long deadlineNanos) {
        long lastSeq = client.seq();
        String audience = client.audience();
        while (System.nanoTime() < deadlineNanos) {
            try {
                LiveClient next = LiveClient.connect(vertx, nextPort.getAsInt(), token);
                int before = next.messages().size();
                next.hello(assemblyId, lastSeq, audience);
                JsonNode answer = next.awaitFrom(
                        before,
                        m -> m.path("type").asText().equals("personal")
                                || m.path("type").asText().equals("error"));
                if (!answer.path("type").asText().equals("personal")) {
                    // The assembly is still moving: this node could not join it yet.
                    next.close();
                    HubNode.sleep(200);
                    continue;
                }
                client = next;
                reconnects++;
                return;
            } catch (IllegalStateException | AssertionError e) {
                HubNode.sleep(200);
            }
        }
        throw new AssertionError("could not reconnect to another node");
    }
}
