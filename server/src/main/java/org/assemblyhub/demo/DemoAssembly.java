package org.assemblyhub.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.plug.Answers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo assembly of {@code ./hub demo}: a public assembly with an organiser, two facilitators, ten members and an
 * expert. Created once; its links are kept in {@code <data>/demo-links.txt} (a demo convenience: real deployments
 * never store tokens) and printed at every start.
 */
public final class DemoAssembly {
    public static final String ID = "demo";
    private static final String[][] PEOPLE = {
        {"f1", "Fatou Diallo", "facilitator", "female", "35-49", "north"},
        {"f2", "Marc Lefèvre", "facilitator", "male", "50-64", "south"},
        {"m1", "Aïcha Benali", "member", "female", "16-24", "north"},
        {"m2", "Bernard Morel", "member", "male", "65+", "south"},
        {"m3", "Chloé Martin", "member", "female", "25-34", "centre"},
        {"m4", "Dimitri Petit", "member", "male", "35-49", "north"},
        {"m5", "Élodie Roux", "member", "female", "50-64", "south"},
        {"m6", "Farid Haddad", "member", "male", "25-34", "centre"},
        {"m7", "Gisèle Fontaine", "member", "female", "65+", "north"},
        {"m8", "Hugo Garnier", "member", "male", "16-24", "south"},
        {"m9", "Inès Carpentier", "member", "female", "35-49", "centre"},
        {"m10", "Jules Mercier", "member", "male", "50-64", "north"},
        {"e1", "Dr Karima Nguyen", "expert", "female", "35-49", "centre"},
    };

    private DemoAssembly() {}

    public static Future<List<String>> ensure(EngineClient engines, Path dataDir, String publicUrl) {
        Path file = dataDir.resolve("demo-links.txt");
        if (Files.exists(file)) {
            return Future.succeededFuture().map(v -> readLines(file));
        }
        JsonObject create = new JsonObject()
                .put("id", ID)
                .put("title", "Assemblée citoyenne pour le climat (démo)")
                .put(
                        "question",
                        "Comment notre ville peut-elle réduire de moitié ses émissions d'ici 2035, de manière juste ?")
                .put("public", true)
                .put("organiserName", "Olivia Organiser");
        return engines.registry("create", create).compose(created -> {
            if ("assembly-exists".equals(created.getString("code"))) return reissueAll(engines, file, publicUrl);
            if (Answers.isError(created)) return Future.failedFuture(created.getString("message"));
            JsonArray people = new JsonArray();
            for (String[] p : PEOPLE) {
                people.add(new JsonObject()
                        .put("id", p[0])
                        .put("name", p[1])
                        .put("role", p[2])
                        .put("contact", p[0] + "@example.org")
                        .put(
                                "attributes",
                                new JsonObject()
                                        .put("gender", p[3])
                                        .put("age", p[4])
                                        .put("area", p[5])));
            }
            JsonObject importRoster = new JsonObject()
                    .put("actor", new JsonObject().put("hub", true))
                    .put("name", "import-roster")
                    .put("args", new JsonObject().put("people", people));
            return engines.engine(ID, "command", importRoster)
                    .compose(imported -> {
                        if (Answers.isError(imported)) return Future.failedFuture(imported.getString("message"));
                        return prepareSession(engines).map(imported);
                    })
                    .compose(imported -> {
                        List<String> lines = new ArrayList<>();
                        lines.add("organiser   Olivia Organiser      " + publicUrl + "/join/"
                                + created.getJsonObject("result").getString("token"));
                        JsonObject tokens = imported.getJsonObject("result").getJsonObject("tokens");
                        for (String[] p : PEOPLE) {
                            lines.add(String.format(
                                    "%-11s %-21s %s/join/%s", p[2], p[1], publicUrl, tokens.getString(p[0])));
                        }
                        lines.add(String.format("%-11s %-21s %s/a/%s", "observer", "(public page)", publicUrl, ID));
                        return Future.succeededFuture(lines).map(l -> {
                            writeLines(file, l);
                            return l;
                        });
                    });
        });
    }

    /** The 90-minute evening example, ready to start, with Fatou as lead facilitator (one after the other). */
    private static Future<Void> prepareSession(EngineClient engines) {
        String yaml;
        try (var in = DemoAssembly.class
                .getClassLoader()
                .getResourceAsStream("assembly-scripts/examples/deliberation-evening.yaml")) {
            if (in == null) return Future.succeededFuture();
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Future.succeededFuture();
        }
        JsonObject hub = new JsonObject().put("hub", true);
        return engines.engine(
                        ID,
                        "command",
                        new JsonObject()
                                .put("actor", hub)
                                .put("name", "attach-script")
                                .put("args", new JsonObject().put("yaml", yaml)))
                .compose(attached -> engines.engine(
                        ID,
                        "command",
                        new JsonObject()
                                .put("actor", hub)
                                .put("name", "appoint-lead")
                                .put("args", new JsonObject().put("personId", "f1"))))
                .mapEmpty();
    }

    /** The demo exists but its links file was lost: new links for everyone (the old ones stop working). */
    private static Future<List<String>> reissueAll(EngineClient engines, Path file, String publicUrl) {
        List<String[]> everyone = new ArrayList<>();
        everyone.add(new String[] {"organiser-1", "Olivia Organiser", "organiser"});
        for (String[] p : PEOPLE) everyone.add(p);
        List<Future<String>> lines = new ArrayList<>();
        for (String[] p : everyone) {
            JsonObject command = new JsonObject()
                    .put("actor", new JsonObject().put("hub", true))
                    .put("name", "reissue-invitation")
                    .put("args", new JsonObject().put("personId", p[0]));
            lines.add(engines.engine(ID, "command", command)
                    .map(answer -> String.format(
                            "%-11s %-21s %s/join/%s",
                            p[2],
                            p[1],
                            publicUrl,
                            answer.getJsonObject("result").getString("token"))));
        }
        return Future.all(lines).map(all -> {
            List<String> result = new ArrayList<>();
            lines.forEach(f -> result.add(f.result()));
            result.add(String.format("%-11s %-21s %s/a/%s", "observer", "(public page)", publicUrl, ID));
            writeLines(file, result);
            return result;
        });
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLines(Path file, List<String> lines) {
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
