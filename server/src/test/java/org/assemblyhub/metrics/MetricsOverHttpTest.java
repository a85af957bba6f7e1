package org.assemblyhub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.LimitsConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /metrics} over real HTTP, moved by real WebSocket clients: what it counts and who may read it. */
class MetricsOverHttpTest {
    static final String TOKEN = "metrics-token-for-the-tests-0123456789";
    /** Names, ids and contacts that must never reach a label. */
    static final String ROSTER =
            """
            id,name,contact,role,gender,area
            canaryfac7,Zebulon Canarywing,zebulon.canary@example.org,facilitator,male,north
            canarymem9,Philippa Canarysong,philippa.canary@example.org,member,female,south
            """;

    static TestHub hub;
    static TestHub.Setup setup;

    @BeforeAll
    static void start() {
        hub = new TestHub(LimitsConfig.DEFAULTS.withMetricsToken(TOKEN));
        setup = hub.createAssembly(true, ROSTER);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void commands_sent_over_a_websocket_move_the_command_journal_and_fan_out_metrics() {
        Scrape before = scrape();
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        LiveClient observer = hub.client(null).join(setup.assemblyId());

        assertThat(organiser
                        .call("m-1", "announce", new JsonObject().put("text", "Welcome"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        observer.awaitView(v -> v.path("announcements").toString().contains("Welcome"));
        assertThat(organiser
                        .call("m-2", "no-such-command", new JsonObject())
                        .path("type")
                        .asText())
                .isEqualTo("error");

        Scrape after = awaitScrape(s -> s.value("hub_commands_total", "result", "error")
                > before.value("hub_commands_total", "result", "error"));
        assertThat(after.value("hub_commands_total", "result", "ack"))
                .isGreaterThan(before.value("hub_commands_total", "result", "ack"));
        assertThat(after.value("hub_command_latency_seconds_count", "result", "ack"))
                .isGreaterThan(before.value("hub_command_latency_seconds_count", "result", "ack"));
        assertThat(after.has("hub_command_latency_seconds_bucket")).isTrue();
        assertThat(after.value("hub_journal_append_seconds_count", "store", "file"))
                .isGreaterThan(before.value("hub_journal_append_seconds_count", "store", "file"));
        assertThat(after.value("hub_fanout_messages_total", "audience", "observer"))
                .isGreaterThan(before.value("hub_fanout_messages_total", "audience", "observer"));
        assertThat(after.value("hub_fanout_bytes_total", "audience", "observer"))
                .isGreaterThan(before.value("hub_fanout_bytes_total", "audience", "observer"));
        organiser.close();
        observer.close();
    }

    @Test
    void connections_are_counted_per_assembly_and_audience_and_fall_when_sockets_close() {
        String id = setup.assemblyId();
        LiveClient member = hub.client(setup.token("canarymem9")).join(id);
        LiveClient facilitator = hub.client(setup.token("canaryfac7")).join(id);

        awaitScrape(s -> s.value("hub_connections", "assembly", id, "audience", "member") == 1
                && s.value("hub_connections", "assembly", id, "audience", "facilitator") == 1);
        member.close();
        facilitator.close();
        awaitScrape(s -> s.value("hub_connections", "assembly", id, "audience", "member") == 0
                && s.value("hub_connections", "assembly", id, "audience", "facilitator") == 0);
    }

    @Test
    void owner_moves_and_journal_errors_reported_by_other_parts_of_the_hub_are_exported() {
        HubMetrics metrics = HubMetrics.of(hub.vertx());
        double moves = scrape().value("hub_owner_moves_total");

        metrics.ownerMoved();
        metrics.journalError("redis", "connect", "unavailable");

        Scrape after = scrape();
        assertThat(after.value("hub_owner_moves_total")).isEqualTo(moves + 1);
        assertThat(after.value("hub_journal_errors_total", "store", "redis", "error", "unavailable"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void no_person_name_id_or_contact_appears_in_the_metrics() {
        LiveClient member = hub.client(setup.token("canarymem9")).join(setup.assemblyId());
        LiveClient facilitator = hub.client(setup.token("canaryfac7")).join(setup.assemblyId());
        member.call("c-1", "raise-hand", new JsonObject());
        facilitator.call("c-2", "announce", new JsonObject().put("text", "Canary announcement"));

        String text = awaitScrape(s -> s.value("hub_connections", "audience", "member") >= 1)
                .text();

        assertThat(text)
                .doesNotContainIgnoringCase("canary")
                .doesNotContain("Zebulon", "Philippa", "example.org", "organiser-1", "Olga")
                .doesNotContain(setup.token("canarymem9"), TestHub.BOOTSTRAP, TOKEN);
        member.close();
        facilitator.close();
    }

    @Test
    void every_metric_the_alert_rules_name_is_one_the_hub_exports() throws Exception {
        Set<String> named = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b((?:hub|jvm|process)_[a-z_]+)\\b");
        for (JsonNode group : new YAMLMapper()
                .readTree(Path.of("../deploy/prometheus/alerts.yaml").toFile())
                .path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                Matcher m = metric.matcher(rule.path("expr").asText());
                while (m.find()) named.add(m.group(1));
            }
        }
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("alerts-1", "announce", new JsonObject().put("text", "for the histograms"));
        System.gc(); // the GC pause timer appears with the first collection

        assertThat(named).contains("hub_command_latency_seconds_bucket", "hub_journal_errors_total");
        Scrape scrape = awaitScrape(s -> named.stream().allMatch(s::has));
        assertThat(named).allMatch(scrape::has);
        organiser.close();
    }

    @Test
    void a_local_scraper_without_proxy_headers_reads_the_metrics() {
        HttpResponse<String> answer = get(null, null, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(answer.body()).contains("hub_commands_total", "jvm_memory_used_bytes");
    }

    @Test
    void a_request_forwarded_by_a_proxy_without_the_token_is_refused() {
        for (String header : MetricsRoute.PROXY_HEADERS) {
            HttpResponse<String> answer = get(header, "203.0.113.9", null);
            assertThat(answer.statusCode()).as(header).isEqualTo(403);
            assertThat(answer.body()).as(header).doesNotContain("hub_commands_total");
        }
        assertThat(get("X-Real-IP", "203.0.113.9", "Bearer wrong-token-wrong-token-wrong")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_request_forwarded_by_a_proxy_with_the_metrics_token_reads_the_metrics() {
        HttpResponse<String> answer = get("X-Forwarded-For", "203.0.113.9", "Bearer " + TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("hub_commands_total");
    }

    @Test
    void without_a_configured_token_no_bearer_opens_the_metrics_to_a_forwarded_request() {
        try (TestHub plain = new TestHub(LimitsConfig.DEFAULTS)) {
            HttpResponse<String> forwarded = plain.send(HttpRequest.newBuilder(URI.create(plain.url() + "/metrics"))
                    .header("X-Real-IP", "203.0.113.9")
                    .header("Authorization", "Bearer " + TOKEN)
                    .build());
            HttpResponse<String> local = plain.send(
                    HttpRequest.newBuilder(URI.create(plain.url() + "/metrics")).build());

            assertThat(forwarded.statusCode()).isEqualTo(403);
            assertThat(local.statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> get(String header, String value, String authorization) {
        return get(hub, header, value, authorization);
    }

    static HttpResponse<String> get(TestHub hub, String header, String value, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url() + "/metrics"));
        if (header != null) request.header(header, value);
        if (authorization != null) request.header("Authorization", authorization);
        return hub.send(request.build());
    }

    private static Scrape scrape() {
        return scrape(hub);
    }

    static Scrape scrape(TestHub hub) {
        HttpResponse<String> answer = get(hub, null, null, null);
        assertThat(answer.statusCode()).isEqualTo(200);
        return new Scrape(answer.body());
    }

    /** Gauges and counters move as the gateways handle the sockets: wait for them, with a deadline. */
    private static Scrape awaitScrape(Predicate<Scrape> condition) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        Scrape last = scrape();
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) throw new AssertionError("metrics never matched:\n" + last.text());
            LiveClient.sleep(20);
            last = scrape();
        }
        return last;
    }
}
