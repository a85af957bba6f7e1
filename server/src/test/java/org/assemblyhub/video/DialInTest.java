package org.assemblyhub.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Against a real local HTTP server standing in for a Jigasi deployment's dial-in services. */
class DialInTest {
    private HttpServer server;
    private final AtomicReference<String> numbers = new AtomicReference<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/numbers", exchange -> reply(exchange, numbers.get()));
        server.createContext("/mapper", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            asked.add(query);
            reply(
                    exchange,
                    query.contains("nopin")
                            ? "{\"message\":\"no mapping\"}"
                            : "{\"conference\":\"x\",\"id\":987654321}");
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private JsonObject forRoom(DialIn dialIn, String room) throws Exception {
        return dialIn.forRoom(room).get(10, TimeUnit.SECONDS);
    }

    @Test
    void the_older_numbers_shape_by_country_and_the_rooms_pin_make_the_details() throws Exception {
        numbers.set(
                "{\"message\":\"ok\",\"numbersEnabled\":true,\"numbers\":{\"FR\":[\"+33 1 84 88 00 00\"],\"BE\":[\"+32 2 000 00 00\"]}}");
        DialIn dialIn =
                new DialIn(base + "/numbers", base + "/mapper", "conference.meet.example.org", Clock.systemUTC());

        JsonObject details = forRoom(dialIn, "plenary-abc");

        assertThat(details.getString("pin")).isEqualTo("987654321");
        assertThat(details.getJsonArray("numbers").getList()).hasSize(2);
        assertThat(details.getJsonArray("numbers").getJsonObject(0).getMap())
                .containsEntry("country", "FR")
                .containsEntry("number", "+33 1 84 88 00 00");
        assertThat(asked).containsExactly("conference=plenary-abc@conference.meet.example.org");
    }

    @Test
    void a_rooms_pin_is_asked_once_and_numbers_are_kept_for_a_while() throws Exception {
        numbers.set("[{\"countryCode\":\"fr\",\"formattedNumber\":\"+33 1 84 88 00 00\",\"tollFree\":true}]");
        DialIn dialIn =
                new DialIn(base + "/numbers", base + "/mapper", "conference.meet.example.org", Clock.systemUTC());
        forRoom(dialIn, "group-1");
        numbers.set(null); // the numbers service goes down: the kept list still serves

        JsonObject again = forRoom(dialIn, "group-1");

        assertThat(asked).hasSize(1);
        assertThat(again.getJsonArray("numbers").getJsonObject(0).getBoolean("tollFree"))
                .isTrue();
    }

    @Test
    void no_details_when_the_services_do_not_answer_or_know_no_pin() throws Exception {
        numbers.set(null);
        DialIn down = new DialIn(base + "/numbers", base + "/mapper", "conference.meet.example.org", Clock.systemUTC());
        assertThat(forRoom(down, "group-2")).isNull();

        numbers.set("[{\"countryCode\":\"fr\",\"formattedNumber\":\"+33 1 84 88 00 00\"}]");
        DialIn noPin =
                new DialIn(base + "/numbers", base + "/mapper", "conference.meet.example.org", Clock.systemUTC());
        assertThat(forRoom(noPin, "nopin-room")).isNull();

        DialIn unreachable = new DialIn(
                "http://127.0.0.1:9/numbers", "http://127.0.0.1:9/mapper", "conference.x", Clock.systemUTC());
        assertThat(forRoom(unreachable, "group-3")).isNull();
    }
}
