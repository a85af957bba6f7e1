package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.LimitsConfig;
import org.assemblyhub.support.Jackson;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** What one client address may cost: open sockets and HTTP requests are capped, each with its own coded answer. */
class ClientLimitsTest {
    TestHub hub;

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void sockets_past_the_cap_for_one_address_are_refused_before_the_upgrade_and_a_closed_one_frees_its_place() {
        hub = new TestHub(new LimitsConfig(3, 1000, false, 1 << 20, 1 << 20));
        TestHub.Setup setup = hub.createAssembly(true, "id,name\nm1,A\n");
        List<LiveClient> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) open.add(hub.client(null).join(setup.assemblyId()));
        assertThat((Throwable) catchConnect(setup)).hasStackTraceContaining("429");
        open.get(0).close();
        LiveClient.sleep(300);
        hub.client(null).join(setup.assemblyId());
    }

    private Object catchConnect(TestHub.Setup setup) {
        try {
            hub.client(null);
            return new AssertionError("the fourth socket was accepted");
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void http_requests_past_the_budget_get_429_rate_limited_with_a_code() {
        hub = new TestHub(new LimitsConfig(100, 2, false, 1 << 20, 1 << 20));
        int limited = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = hub.get("/api/public-assemblies", null);
            if (r.statusCode() == 429) {
                limited++;
                last = r;
            }
        }
        assertThat(limited).isGreaterThan(10);
        assertThat(last.body()).contains("\"code\":\"rate-limited\"");
        assertThat(last.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void a_cookie_of_another_assembly_does_not_block_this_assemblys_public_records() {
        hub = new TestHub();
        TestHub.Setup first = hub.createAssembly(true, "id,name\nm1,A\n");
        TestHub.Setup second = hub.createAssembly(true, "id,name\nm1,B\n");
        var response =
                hub.get("/api/assemblies/" + second.assemblyId() + "/open-data.json", first.token("organiser-1"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void a_script_upload_riding_on_the_cookie_must_come_from_the_hubs_own_pages() {
        hub = new TestHub();
        TestHub.Setup setup = hub.createAssembly(false, "id,name\nm1,A\n");
        String organiser = setup.token("organiser-1");
        String path = "/api/assemblies/" + setup.assemblyId() + "/script";
        assertThat(upload(path, organiser, "text/plain", null, null).statusCode())
                .as("what an HTML form can send")
                .isEqualTo(415);
        HttpResponse<String> crossSite = upload(path, organiser, "text/yaml", "https://evil.example", "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("cross-site-request");
        assertThat(upload(path, organiser, "text/yaml", "https://evil.example", null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(upload(path, organiser, "text/yaml", hub.url(), "same-origin")
                        .statusCode())
                .isNotEqualTo(403);
        assertThat(hub.post(path, "text/yaml", organiser, "title: x").statusCode())
                .as("a script with its Bearer token")
                .isNotEqualTo(403);
    }

    private HttpResponse<String> upload(String path, String cookie, String type, String origin, String fetchSite) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url() + path))
                .header("Content-Type", type)
                .header("Cookie", "ah_session=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString("title: x"));
        if (origin != null) request.header("Origin", origin);
        if (fetchSite != null) request.header("Sec-Fetch-Site", fetchSite);
        return hub.send(request.build());
    }

    @Test
    void results_csv_cells_cannot_start_a_spreadsheet_formula() {
        hub = new TestHub();
        TestHub.Setup setup = hub.createAssembly(true, "id,name,role\nf1,Fatou,facilitator\nm1,A,member\n");
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f1"));
        LiveClient lead = hub.client(setup.token("f1")).join(setup.assemblyId());
        var opened = lead.call(
                "p",
                "open-poll",
                new JsonObject()
                        .put("kind", "single")
                        .put("question", "=HYPERLINK(\"http://evil\")")
                        .put("options", new JsonArray().add("+1").add("@SUM(A1)")));
        lead.call(
                "c",
                "close-poll",
                new JsonObject()
                        .put("pollId", opened.path("result").path("pollId").asText()));
        String csv = hub.get("/api/assemblies/" + setup.assemblyId() + "/results.csv", null)
                .body();
        assertThat(csv).contains("'=HYPERLINK").contains(",'+1,").contains(",'@SUM(A1),");
        for (String line : csv.split("\n")) {
            for (String cell : line.split(","))
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
        }
    }

    @Test
    void open_data_is_built_once_and_its_time_moves_only_when_its_content_does() throws Exception {
        hub = new TestHub();
        TestHub.Setup setup = hub.createAssembly(true, "id,name\nm1,A\n");
        String path = "/api/assemblies/" + setup.assemblyId() + "/open-data.json";
        String first = generatedAt(hub.get(path, null).body());
        LiveClient.sleep(20);
        assertThat(generatedAt(hub.get(path, null).body()))
                .as("the same journal position: the same document")
                .isEqualTo(first);
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("n", "announce", new JsonObject().put("text", "news"));
        assertThat(generatedAt(hub.get(path, null).body()))
                .as("the journal moved but open data did not: its time does not tell when something happened")
                .isEqualTo(first);
        organiser.call("p", "change-phase", new JsonObject().put("phase", "learning"));
        assertThat(generatedAt(hub.get(path, null).body()))
                .as("new content, new time")
                .isNotEqualTo(first);
    }

    private static String generatedAt(String openData) throws Exception {
        return Jackson.MAPPER.readTree(openData).path("generatedAt").asText();
    }

    @Test
    void behind_a_proxy_only_x_real_ip_names_the_client_and_without_trust_no_header_does() {
        hub = new TestHub(new LimitsConfig(100, 1, false, 1 << 20, 1 << 20));
        int refusedSpoofing = 0;
        for (int i = 0; i < 10; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(hub.url() + "/api/public-assemblies"))
                    .header("X-Real-IP", "10.0.0." + i)
                    .header("X-Forwarded-For", "10.1.0." + i)
                    .GET()
                    .build();
            if (hub.send(request).statusCode() == 429) refusedSpoofing++;
        }
        assertThat(refusedSpoofing)
                .as("without trustProxy, headers change nothing")
                .isGreaterThan(5);
        hub.close();

        hub = new TestHub(new LimitsConfig(100, 1, true, 1 << 20, 1 << 20));
        int refusedForwarded = 0;
        int refusedReal = 0;
        for (int i = 0; i < 10; i++) {
            if (hub.send(HttpRequest.newBuilder(URI.create(hub.url() + "/api/public-assemblies"))
                                    .header("X-Forwarded-For", "10.1.0." + i)
                                    .GET()
                                    .build())
                            .statusCode()
                    == 429) refusedForwarded++;
        }
        for (int i = 0; i < 10; i++) {
            if (hub.send(HttpRequest.newBuilder(URI.create(hub.url() + "/api/public-assemblies"))
                                    .header("X-Real-IP", "10.2.0." + i)
                                    .GET()
                                    .build())
                            .statusCode()
                    == 429) refusedReal++;
        }
        assertThat(refusedForwarded).as("X-Forwarded-For is never believed").isGreaterThan(5);
        assertThat(refusedReal)
                .as("X-Real-IP, set by the trusted proxy, names each client")
                .isZero();
    }
}
