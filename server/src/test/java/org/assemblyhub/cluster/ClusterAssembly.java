package org.assemblyhub.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.TestHub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** A public assembly created through one node's HTTP API, with organisers ("o…") and members ("m…") on its roster. */
record ClusterAssembly(String id, Map<String, String> tokens) {
    String token(String personId) {
        return tokens.get(personId);
    }

    static ClusterAssembly create(int port, String... people) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/assemblies"))
                        .header("Authorization", "Bearer " + TestHub.BOOTSTRAP)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Cluster\",\"public\":true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject body = new JsonObject(created.body());
        String id = body.getString("id");
        if (id == null) throw new IllegalStateException("not created: " + created.body());
        String organiser = TestHub.tokenOf(body.getString("organiserLink"));
        StringBuilder csv = new StringBuilder("id,name,role\n");
        for (String person : people) {
            csv.append(person)
                    .append(",Person ")
                    .append(person)
                    .append(',')
                    .append(person.startsWith("o") ? "organiser" : "member")
                    .append('\n');
        }
        HttpResponse<String> imported = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/assemblies/" + id + "/roster"))
                        .header("Authorization", "Bearer " + organiser)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonArray listed = new JsonObject(imported.body()).getJsonArray("people");
        Map<String, String> tokens = new HashMap<>();
        tokens.put("organiser", organiser);
        for (int i = 0; i < listed.size(); i++) {
            tokens.put(
                    listed.getJsonObject(i).getString("id"),
                    TestHub.tokenOf(listed.getJsonObject(i).getString("link")));
        }
        return new ClusterAssembly(id, tokens);
    }
}
