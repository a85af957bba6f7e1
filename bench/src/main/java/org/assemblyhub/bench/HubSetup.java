package org.assemblyhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates the benchmark's assembly over the hub's HTTP API and imports its roster: the way organisers do it. */
final class HubSetup {
    static final ObjectMapper JSON = new ObjectMapper();
    final String assemblyId;
    final String organiserToken;
    final Map<String, String> tokens = new LinkedHashMap<>();

    private HubSetup(String assemblyId, String organiserToken) {
        this.assemblyId = assemblyId;
        this.organiserToken = organiserToken;
    }

    static HubSetup create(int port, String bootstrap, int members, int facilitators)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        JsonNode created = JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/assemblies"))
                                .header("Authorization", "Bearer " + bootstrap)
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"title\":\"Benchmark assembly\",\"question\":\"Which first?\",\"public\":true}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        String link = created.path("organiserLink").asText();
        HubSetup setup = new HubSetup(created.path("id").asText(), link.substring(link.lastIndexOf('/') + 1));
        StringBuilder csv = new StringBuilder("id,name,role,area,age\nf0,Lead,facilitator,,\n");
        String[] areas = {"north", "south", "east", "west"};
        String[] ages = {"16-29", "30-59", "60+"};
        for (int i = 1; i <= facilitators; i++)
            csv.append("f").append(i).append(",Facilitator ").append(i).append(",facilitator,,\n");
        for (int i = 1; i <= members; i++) {
            csv.append("m")
                    .append(i)
                    .append(",Member ")
                    .append(i)
                    .append(",member,")
                    .append(areas[i % 4])
                    .append(',')
                    .append(ages[i % 3])
                    .append('\n');
        }
        HttpResponse<String> imported = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/assemblies/" + setup.assemblyId + "/roster"))
                        .header("Authorization", "Bearer " + setup.organiserToken)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) throw new IllegalStateException("roster import failed: " + imported.body());
        for (JsonNode p : JSON.readTree(imported.body()).path("people")) {
            String personLink = p.path("link").asText();
            setup.tokens.put(p.path("id").asText(), personLink.substring(personLink.lastIndexOf('/') + 1));
        }
        return setup;
    }
}
