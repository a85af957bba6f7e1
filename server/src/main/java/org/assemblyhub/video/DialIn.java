package org.assemblyhub.video;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.support.Jackson;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Phone dial-in for Jitsi rooms, from the deployment's own services (the ones Jitsi Meet's {@code dialInNumbersUrl}
 * and {@code dialInConfCodeUrl} name, served by Jigasi set-ups): the list of numbers, and the PIN that leads a caller
 * to one room. The hub asks on the server, so a group's PIN only ever goes to that group's members, and it keeps the
 * answers (numbers for ten minutes, PINs for the hub's life: a room's PIN does not change). When the services do not
 * answer, people simply get no dial-in details; the call itself never waits more than a few seconds for them.
 */
public final class DialIn {
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final Duration NUMBERS_KEPT = Duration.ofMinutes(10);

    private final String numbersUrl;
    private final String confCodeUrl;
    private final String mucDomain;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Map<String, String> pins = new ConcurrentHashMap<>();
    private volatile JsonArray numbers;
    private volatile Instant numbersAt = Instant.MIN;

    /** {@code mucDomain}: Jitsi's conference (MUC) domain, {@code conference.<jitsi domain>} in a standard install. */
    public DialIn(String numbersUrl, String confCodeUrl, String mucDomain, Clock clock) {
        this.numbersUrl = numbersUrl;
        this.confCodeUrl = confCodeUrl;
        this.mucDomain = mucDomain;
        this.clock = clock;
    }

    /** {@code {numbers: [{country, number, tollFree}], pin}} for a room, or null when the deployment gives none. */
    public CompletableFuture<JsonObject> forRoom(String room) {
        return numbers()
                .thenCombine(
                        pin(room),
                        (list, pin) -> list == null || list.isEmpty() || pin == null
                                ? null
                                : new JsonObject().put("numbers", list).put("pin", pin));
    }

    private CompletableFuture<JsonArray> numbers() {
        JsonArray kept = numbers;
        if (kept != null && clock.instant().isBefore(numbersAt.plus(NUMBERS_KEPT)))
            return CompletableFuture.completedFuture(kept);
        return get(numbersUrl).thenApply(body -> {
            JsonArray parsed = body == null ? null : parseNumbers(body);
            if (parsed != null) {
                numbers = parsed;
                numbersAt = clock.instant();
            }
            return parsed != null ? parsed : kept;
        });
    }

    private CompletableFuture<String> pin(String room) {
        String known = pins.get(room);
        if (known != null) return CompletableFuture.completedFuture(known);
        String conference = URLEncoder.encode(room + "@" + mucDomain, StandardCharsets.UTF_8);
        return get(confCodeUrl + (confCodeUrl.contains("?") ? "&" : "?") + "conference=" + conference)
                .thenApply(body -> {
                    String pin = body == null ? null : parsePin(body);
                    if (pin != null) pins.put(room, pin);
                    return pin;
                });
    }

    private CompletableFuture<JsonNode> get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error != null || response.statusCode() != 200) return null;
            try {
                return Jackson.MAPPER.readTree(response.body());
            } catch (Exception e) {
                return null;
            }
        });
    }

    /**
     * Both shapes Jitsi deployments serve: a list of {@code {countryCode, formattedNumber, tollFree}}, or the older
     * {@code {numbersEnabled, numbers: {"FR": ["+33 …"], …}}}.
     */
    static JsonArray parseNumbers(JsonNode body) {
        JsonArray out = new JsonArray();
        if (body.isArray()) {
            for (JsonNode n : body) {
                String number = n.path("formattedNumber").asText("");
                if (number.isBlank()) continue;
                out.add(new JsonObject()
                        .put("country", n.path("countryCode").asText("").toUpperCase())
                        .put("number", number)
                        .put("tollFree", n.path("tollFree").asBoolean(false)));
            }
        } else if (body.path("numbers").isObject()
                && body.path("numbersEnabled").asBoolean(true)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = body.path("numbers").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> country = it.next();
                for (JsonNode n : country.getValue()) {
                    if (n.isTextual() && !n.asText().isBlank()) {
                        out.add(new JsonObject()
                                .put("country", country.getKey())
                                .put("number", n.asText())
                                .put("tollFree", false));
                    }
                }
            }
        } else {
            return null;
        }
        return out;
    }

    /** The conference mapper's answer: {@code {"conference": "room@muc", "id": 123456789}}. */
    static String parsePin(JsonNode body) {
        JsonNode id = body.path("id");
        if (id.isIntegralNumber() && id.asLong() > 0) return Long.toString(id.asLong());
        if (id.isTextual() && id.asText().matches("\\d{3,20}")) return id.asText();
        return null;
    }
}
