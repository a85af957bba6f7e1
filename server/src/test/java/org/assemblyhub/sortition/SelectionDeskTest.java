package org.assemblyhub.sortition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.sortition.verify.SortitionCli;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The organiser's selection desk end to end over real HTTP, with the hub's engine and OR-Tools: who may use it, bad
 * input refused whole, a run to its end, the commitment recorded and published, the draw, the panel seated on the
 * roster with links, a replacement — and that no contact ever reaches a published file or an observer's screen.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class SelectionDeskTest {
    static final String CANARY = "canary-contact-7731";
    public static final String QUOTAS =
            "feature,value,min,max\n" + "gender,f,2,4\ngender,m,2,4\n" + "age,young,2,4\nage,old,2,4\n";

    static TestHub hub;
    static TestHub.Setup setup;
    static String id;
    static LiveClient observer;

    @BeforeAll
    static void aPublicAssemblyWithAMemberAndAnObserver() {
        hub = new TestHub();
        setup = hub.createAssembly(true, "id,name,role\nstaff1,Sam Staff,facilitator\n");
        id = setup.assemblyId();
        observer = hub.client(null).join(id);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    /** 40 volunteers, skewed towards old men; two share an address; every e-mail carries the canary. */
    public static String people() {
        StringBuilder csv = new StringBuilder("person_id,first_name,last_name,email,address,gender,age\n");
        for (int i = 0; i < 40; i++) {
            String gender = i % 4 == 0 ? "f" : "m";
            String age = i % 3 == 0 ? "young" : "old";
            String address = i == 1 ? "1 Canal Street" : (i + " Rue " + CANARY);
            csv.append("p")
                    .append(i)
                    .append(",Ana")
                    .append(i)
                    .append(",Volunteer,v")
                    .append(i)
                    .append('.')
                    .append(CANARY)
                    .append("@example.org,")
                    .append(i == 0 ? "1 Canal Street" : address)
                    .append(',')
                    .append(gender)
                    .append(',')
                    .append(age)
                    .append('\n');
        }
        return csv.toString();
    }

    public static JsonObject inputs(String people, String quotas) {
        return new JsonObject()
                .put("people", people)
                .put("quotas", quotas)
                .put("idColumn", "person_id")
                .put("panelSize", 6)
                .put("householdColumns", new JsonArray().add("address"));
    }

    static HttpResponse<String> post(String path, String bearer, JsonObject body) {
        return hub.post("/api/assemblies/" + id + "/sortition" + path, "application/json", bearer, body.encode());
    }

    static String organiser() {
        return setup.token("organiser-1");
    }

    static JsonObject status() {
        HttpResponse<String> r =
                hub.send(HttpRequest.newBuilder(URI.create(hub.url() + "/api/assemblies/" + id + "/sortition"))
                        .header("Authorization", "Bearer " + organiser())
                        .GET()
                        .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    static JsonObject awaitRun(String... states) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonObject s = status();
            if (List.of(states).contains(s.getJsonObject("run").getString("state"))) return s;
            Thread.sleep(200);
        }
        throw new AssertionError("the run did not reach " + List.of(states) + ": " + status());
    }

    static HttpResponse<String> own(String name, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(hub.url() + "/api/assemblies/" + id + "/sortition/own/" + name))
                .GET();
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return hub.send(request.build());
    }

    static HttpResponse<String> file(String name) {
        return hub.get("/api/assemblies/" + id + "/sortition/files/" + name, null);
    }

    @Test
    @Order(1)
    void only_organisers_reach_the_desk_and_before_their_files_are_read() {
        HttpResponse<String> facilitator = post("/inputs", setup.token("staff1"), inputs(people(), QUOTAS));
        assertThat(facilitator.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(facilitator.body()).getString("code")).isEqualTo("forbidden");
        HttpResponse<String> nobody = post("/inputs", null, inputs(people(), QUOTAS));
        assertThat(nobody.statusCode()).isEqualTo(401);
        HttpResponse<String> notJson =
                hub.post("/api/assemblies/" + id + "/sortition/inputs", "text/plain", organiser(), "people");
        assertThat(new JsonObject(notJson.body()).getString("code")).isEqualTo("json-required");
    }

    @Test
    @Order(2)
    void bad_files_are_refused_whole_with_the_line_or_feature_named() {
        String duplicated = people() + "p3,Again,Volunteer,x@example.org,9 Road,f,young\n";
        HttpResponse<String> r = post("/inputs", organiser(), inputs(duplicated, QUOTAS));
        assertThat(r.statusCode()).isEqualTo(422);
        JsonObject body = new JsonObject(r.body());
        assertThat(body.getString("code")).isEqualTo("sortition-input-invalid");
        assertThat(body.getJsonArray("problems").encode())
                .contains("people.csv line 42")
                .contains("line 5");
        JsonObject coded = body.getJsonArray("problems").getJsonObject(0);
        assertThat(coded.getString("code")).as("screens translate it").isEqualTo("duplicate-id");
        assertThat(coded.getJsonObject("args").getMap())
                .containsEntry("id", "p3")
                .containsEntry("earlier", "5")
                .containsEntry("line", "42");

        HttpResponse<String> unknown =
                post("/inputs", organiser(), inputs(people().replace(",f,young", ",x,young"), QUOTAS));
        assertThat(new JsonObject(unknown.body()).getJsonArray("problems").encode())
                .contains("'x' is not a value of gender");

        HttpResponse<String> tooBig =
                post("/inputs", organiser(), inputs(people(), QUOTAS).put("panelSize", 41));
        assertThat(new JsonObject(tooBig.body()).getJsonArray("problems").encode())
                .contains("larger than the pool");
        assertThat(status().containsKey("inputs")).as("nothing half-imported").isFalse();
    }

    @Test
    @Order(3)
    void impossible_quotas_are_explained_not_thrown() throws Exception {
        // Only four volunteers are young women: six young members with five women among them cannot be.
        String impossible = "feature,value,min,max\ngender,f,5,6\ngender,m,0,1\nage,young,6,6\nage,old,0,0\n";
        HttpResponse<String> taken = post("/inputs", organiser(), inputs(people(), impossible));
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        post("/run", organiser(), new JsonObject().put("algorithm", "maximin"));
        JsonObject s = awaitRun("infeasible", "failed", "done");
        assertThat(s.getJsonObject("run").getString("state")).isEqualTo("infeasible");
        JsonObject why = s.getJsonObject("infeasible");
        assertThat(why.getJsonArray("features").getList()).containsAnyOf("gender", "age");
        assertThat(why.getJsonArray("relaxations")).isNotEmpty();
    }

    @Test
    @Order(4)
    void a_selection_runs_to_its_end_and_is_committed_published_and_drawn() throws Exception {
        assertThat(post("/inputs", organiser(), inputs(people(), QUOTAS)).statusCode())
                .isEqualTo(200);
        JsonObject early = new JsonObject().put("seedPlan", "x").put("seedSources", new JsonArray().add("Witness"));
        assertThat(post("/commit", organiser(), early).statusCode())
                .as("nothing to commit before a run")
                .isEqualTo(409);
        HttpResponse<String> started = post("/run", organiser(), new JsonObject().put("algorithm", "goldilocks"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonObject done = awaitRun("done", "failed", "infeasible");
        JsonObject outcome = done.getJsonObject("outcome");
        assertThat(outcome).as(done.encode()).isNotNull();
        assertThat(outcome.getString("algorithm")).isEqualTo("goldilocks");
        assertThat(outcome.getValue("cutShort")).isNull();
        assertThat(outcome.getDouble("lowest")).isGreaterThan(0.05);
        assertThat(outcome.getJsonArray("histogram").stream()
                        .mapToInt(n -> (Integer) n)
                        .sum())
                .isEqualTo(40);
        assertThat(file("commitment.json").statusCode())
                .as("nothing public before the commitment")
                .isEqualTo(404);

        assertThat(post("/commit", organiser(), new JsonObject()).statusCode()).isEqualTo(422);
        assertThat(post("/commit", organiser(), new JsonObject().put("seedPlan", "Witnesses"))
                        .statusCode())
                .as("no source named")
                .isEqualTo(422);
        HttpResponse<String> committed = post(
                "/commit",
                organiser(),
                new JsonObject()
                        .put("seedPlan", "Two witnesses each say a number at the public meeting.")
                        .put("seedSources", new JsonArray().add("Witness Amal").add("Witness Bo")));
        assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
        String commitment = new JsonObject(committed.body()).getString("commitment");
        JsonNode seen = observer.awaitView(v -> v.has("sortition")).path("sortition");
        assertThat(seen.path("commitment").asText()).isEqualTo(commitment);
        assertThat(seen.path("algorithm").asText()).isEqualTo("goldilocks");
        assertThat(seen.path("histogram").size()).isEqualTo(20);
        assertThat(post("/commit", organiser(), early.copy().put("seedPlan", "again"))
                        .statusCode())
                .isEqualTo(409);

        for (String name : List.of("pool-pseudonymised.csv", "quotas.csv", "settings.toml", "panels.csv")) {
            HttpResponse<String> f = file(name);
            assertThat(f.statusCode()).as(name).isEqualTo(200);
            assertThat(sha256(f.body()))
                    .isEqualTo(seen.path("fileHashes").path(name).asText());
            assertThat(f.body()).as(name).doesNotContain(CANARY).doesNotContain("Ana");
        }
        assertThat(file("draw.txt").statusCode()).isEqualTo(404);
        assertThat(file("../private/people.csv").statusCode()).isEqualTo(404);

        // Variants of the announced numbers (another order, an extra number, a word) are refused: no trying.
        for (JsonArray variant : List.of(
                new JsonArray().add("77").add("4821").add("1"),
                new JsonArray().add("4821"),
                new JsonArray().add("4821 seven").add("77"))) {
            HttpResponse<String> refused = post("/draw", organiser(), new JsonObject().put("seedNumbers", variant));
            assertThat(new JsonObject(refused.body()).getString("code")).isEqualTo("seed-inputs-mismatch");
        }
        HttpResponse<String> drawn = post(
                "/draw",
                organiser(),
                new JsonObject().put("seedNumbers", new JsonArray().add("04821").add(" 77 ")));
        assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(200);
        JsonNode afterDraw =
                observer.awaitView(v -> v.path("sortition").has("draw")).path("sortition");
        assertThat(afterDraw.path("draw").path("selected").size()).isEqualTo(6);
        assertThat(afterDraw.path("draw").path("seedInputs").get(0).asText())
                .as("the plain form: no leading zero, no spaces around")
                .isEqualTo("Witness Amal: 4821");
        assertThat(observer.frames().toString()).doesNotContain(CANARY).doesNotContain("Ana");
        assertThat(post(
                                "/draw",
                                organiser(),
                                new JsonObject()
                                        .put(
                                                "seedNumbers",
                                                new JsonArray().add("1").add("2")))
                        .statusCode())
                .isEqualTo(409);

        assertThat(verify())
                .as("./hub sortition verify on the files as downloaded")
                .isEqualTo(0);
        HttpResponse<String> selected = own("selected.csv", organiser());
        assertThat(selected.statusCode()).isEqualTo(200);
        assertThat(selected.body().lines()).hasSize(7).first().asString().startsWith("person_id,");
        assertThat(selected.body()).contains(CANARY);
        assertThat(own("chances.csv", organiser()).body().lines()).hasSize(41);
        assertThat(own("alternates.csv", organiser()).body().lines()).hasSize(35);
        assertThat(own("selected.csv", null).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(own("selected.csv", setup.token("staff1")).statusCode())
                .as("a facilitator")
                .isEqualTo(403);
        JsonObject organiserView = status();
        assertThat(organiserView.getJsonObject("panel").getJsonArray("members")).hasSize(6);
        assertThat(organiserView.getJsonObject("panel").encode())
                .contains(CANARY); // the organiser's own, with contacts
    }

    @Test
    @Order(5)
    void the_panel_joins_the_roster_once_with_links_under_ids_of_its_own_even_when_asked_twice_at_once()
            throws Exception {
        // Two organisers (or a double click) at the same moment: one seats, the other is told to wait or adds nobody.
        List<CompletableFuture<HttpResponse<String>>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(HttpClient.newHttpClient()
                    .sendAsync(
                            HttpRequest.newBuilder(URI.create(hub.url() + "/api/assemblies/" + id + "/sortition/seat"))
                                    .header("Authorization", "Bearer " + organiser())
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
        }
        JsonArray people = new JsonArray();
        for (CompletableFuture<HttpResponse<String>> f : both) {
            HttpResponse<String> r = f.get();
            JsonObject body = new JsonObject(r.body());
            if (r.statusCode() == 409) assertThat(body.getString("code")).isEqualTo("sortition-step-running");
            else people.addAll(body.getJsonArray("people"));
        }
        assertThat(people).hasSize(6);
        for (int i = 0; i < people.size(); i++) {
            JsonObject p = people.getJsonObject(i);
            assertThat(p.getString("id")).startsWith("m-");
            assertThat(p.getString("name")).startsWith("Ana");
            LiveClient member = hub.client(TestHub.tokenOf(p.getString("link"))).join(id);
            assertThat(member.view().has("sortition")).isTrue();
            member.close();
        }
        assertThat(new JsonObject(post("/seat", organiser(), new JsonObject()).body()).getInteger("imported"))
                .as("seating twice adds nobody")
                .isZero();
    }

    @Test
    @Order(6)
    void a_seating_cut_off_after_the_assembly_added_people_is_taken_up_without_adding_them_twice() throws Exception {
        // The desk wrote their roster ids down, the assembly added them, and the hub stopped before the desk noted it.
        Path desk = hub.dataDir().resolve("sortition").resolve(id).resolve("private");
        List<String> seated = Files.readAllLines(desk.resolve("seated.csv"));
        List<String> cutOff = seated.subList(seated.size() - 2, seated.size());
        Files.write(desk.resolve("seated.csv"), seated.subList(0, seated.size() - 2));
        Files.write(desk.resolve("seating.csv"), List.of("pool_id,roster_id", cutOff.get(0), cutOff.get(1)));
        LiveClient organiserLive = hub.client(organiser()).join(id);
        int before = organiserLive.view().path("roster").size();

        HttpResponse<String> r = post("/seat", organiser(), new JsonObject());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonArray people = new JsonObject(r.body()).getJsonArray("people");
        assertThat(people).hasSize(2);
        for (int i = 0; i < people.size(); i++) {
            JsonObject p = people.getJsonObject(i);
            assertThat(p.getBoolean("linkLost")).as(p.encode()).isTrue();
            assertThat(p.containsKey("link")).isFalse();
            assertThat(cutOff).anyMatch(line -> line.endsWith("," + p.getString("id")));
        }
        organiserLive.call("after-seat", "announce", new JsonObject().put("text", "seated-after-the-cut"));
        JsonNode after =
                organiserLive.awaitView(v -> v.path("announcements").toString().contains("seated-after-the-cut"));
        assertThat(after.path("roster").size()).as("nobody added twice").isEqualTo(before);
        assertThat(Files.readAllLines(desk.resolve("seated.csv"))).containsAll(cutOff);
        assertThat(Files.readAllLines(desk.resolve("seating.csv"))).containsExactly("pool_id,roster_id");
        organiserLive.close();
    }

    @Test
    @Order(7)
    void a_dropout_is_replaced_by_the_best_matching_alternate_and_loses_the_link() throws Exception {
        JsonObject panel = status().getJsonObject("panel");
        JsonObject leaving = panel.getJsonArray("members").getJsonObject(0);
        String dropout = leaving.getString("poolId");
        HttpResponse<String> r = post("/replace", organiser(), new JsonObject().put("poolId", dropout));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject answer = new JsonObject(r.body());
        String newcomer = answer.getString("replacement");
        assertThat(newcomer).isNotEqualTo(dropout);
        assertThat(answer.getJsonObject("invited").getJsonArray("people")).hasSize(1);
        JsonNode seen =
                observer.awaitView(v -> v.path("sortition").has("replacements")).path("sortition");
        assertThat(seen.path("replacements").get(0).path("dropout").asText()).isEqualTo(dropout);
        assertThat(seen.path("panel").toString()).contains(newcomer).doesNotContain("\"" + dropout + "\"");
        assertThat(file("replacements.csv").body()).contains(dropout + "," + newcomer);
        assertThat(post("/replace", organiser(), new JsonObject().put("poolId", dropout))
                        .statusCode())
                .as("not on the panel any more")
                .isEqualTo(409);
        assertThat(verify()).isEqualTo(0);
    }

    @Test
    @Order(8)
    void erasing_a_seated_member_blanks_their_row_of_the_private_pool_and_the_draw_still_verifies() throws Exception {
        Path desk = hub.dataDir().resolve("sortition").resolve(id).resolve("private");
        String[] seated = Files.readAllLines(desk.resolve("seated.csv")).get(1).split(",");
        String poolId = seated[0];
        String contact = "v" + poolId.substring(1) + "." + CANARY + "@example.org";
        assertThat(Files.readString(desk.resolve("people.csv"))).contains(contact);

        LiveClient organiser = hub.client(organiser()).join(id);
        assertThat(organiser
                        .call("e1", "erase-person", new JsonObject().put("personId", seated[1]))
                        .path("type")
                        .asText())
                .isEqualTo("ack");

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (Files.readString(desk.resolve("people.csv")).contains(contact)) {
            assertThat(System.nanoTime()).as("the pool row is blanked").isLessThan(deadline);
            Thread.sleep(100);
        }
        String pool = Files.readString(desk.resolve("people.csv"));
        assertThat(pool).as("the others keep theirs").contains("v1." + CANARY + "@example.org");
        assertThat(pool).as("the row stays, with its id and features").containsPattern("(?m)^" + poolId + ",");
        assertThat(verify()).isEqualTo(0);
    }

    static int verify() throws Exception {
        Path dir = Files.createTempDirectory("published");
        List<String> names = new ArrayList<>(List.of(
                "commitment.json",
                "pool-pseudonymised.csv",
                "quotas.csv",
                "settings.toml",
                "panels.csv",
                "seed-inputs.txt",
                "draw.txt",
                "result.csv"));
        for (String name : names)
            Files.writeString(dir.resolve(name), file(name).body());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code =
                SortitionCli.run(new String[] {"verify", dir.toString()}, new PrintStream(out), new PrintStream(out));
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        return code;
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @Order(9)
    void a_published_file_changed_on_disk_is_not_served_as_the_recorded_one() throws Exception {
        Path panels =
                hub.dataDir().resolve("sortition").resolve(id).resolve("public").resolve("panels.csv");
        byte[] recorded = Files.readAllBytes(panels);
        Files.writeString(panels, new String(recorded, StandardCharsets.UTF_8).replaceFirst("\n", "\n\n"));
        HttpResponse<String> changed = file("panels.csv");
        assertThat(changed.statusCode()).isEqualTo(500);
        assertThat(new JsonObject(changed.body()).getString("code")).isEqualTo("sortition-damaged");
        Files.write(panels, recorded);
        assertThat(file("panels.csv").statusCode()).isEqualTo(200);
    }
}
