package org.assemblyhub.outreach.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.OutreachConfig;

/**
 * Text messages through the operator's HTTP gateway: {@code POST <url>} with {@code {"id", "to", "text"}} and the
 * shared secret in {@code X-Hub-Secret}. A 2xx answer is "taken"; 400, 404, 410 and 422 mean the number is refused
 * (a bounce); anything else, or no answer, is tried again. {@code id} is the same on every try of one message.
 */
final class SmsCourier implements Courier {
    static final String SECRET_HEADER = "X-Hub-Secret";
    private final HttpClient http;
    private final OutreachConfig.Sms config;

    SmsCourier(Vertx vertx, OutreachConfig.Sms config) {
        this.config = config;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(15_000));
    }

    @Override
    public Future<Delivery> send(Envelope envelope) {
        JsonObject body = new JsonObject()
                .put("id", envelope.id())
                .put("to", envelope.to())
                .put("text", envelope.letter().sms());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(config.url().toString())
                .putHeader("Content-Type", "application/json")
                .putHeader(SECRET_HEADER, config.secret())
                .setTimeout(30_000);
        return http.request(options)
                .compose(request -> request.send(body.toBuffer()))
                .compose(response -> response.body().map(answer -> delivery(response.statusCode(), answer.toString())))
                .otherwise(e -> new Delivery(Outcome.FAILED, "gateway unreachable: " + e.getMessage()));
    }

    private static Delivery delivery(int status, String answer) {
        if (status >= 200 && status < 300) return Delivery.sent();
        String why = "gateway answered " + status + (answer.isBlank() ? "" : ": " + clip(answer));
        return switch (status) {
            case 400, 404, 410, 422 -> new Delivery(Outcome.REFUSED, why);
            default -> new Delivery(Outcome.FAILED, why);
        };
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
