package org.assemblyhub.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.store.PrivateFiles;

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
 * never store tokens), printed at every start and kept true while the hub runs ({@link DemoLinksKeeper}).
 */
public final class DemoAssembly {
    public static final String ID = "demo";
    static final String ORGANISER_ID = "organiser-1";
    static final String ORGANISER_NAME = "Olivia Organiser";
    /** The lead facilitator the demo appoints. */
    public static final String LEAD_ID = "f1";

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

    /**
     * What the launcher runs: the demo assembly (made once), then a keeper that rewrites {@code demo-links.txt}
     * whenever the organiser console re-issues or revokes a demo person's link. The lines of the file, to print.
     */
    public static Future<List<String>> start(Vertx vertx, Path dataDir, String publicUrl) {
        return ensure(new EngineClient(vertx), dataDir, publicUrl).compose(lines -> vertx.deployVerticle(
                        new DemoLinksKeeper(links(dataDir), publicUrl, DemoLinks.parse(lines)))
                .map(lines));
    }

    /** Where the demo keeps its links. */
    public static Path links(Path dataDir) {
        return dataDir.resolve("demo-links.txt");
    }

    public static Future<List<String>> ensure(EngineClient engines, Path dataDir, String publicUrl) {
        Path file = links(dataDir);
        if (Files.exists(file)) {
            return Future.succeededFuture().map(v -> current(file, publicUrl));
        }
        JsonObject create = new JsonObject()
                .put("id", ID)
                .put("title", "Assemblée citoyenne pour le climat (démo)")
                .put(
                        "question",
                        "Comment notre ville peut-elle réduire de moitié ses émissions d'ici 2035, de manière juste ?")
                .put("public", true)
                .put("organiserName", ORGANISER_NAME);
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
                        return prepareSession(engines)
                                .compose(v -> DemoLearning.seed(engines, ID, dataDir))
                                .map(imported);
                    })
                    .compose(imported -> {
                        List<String> lines = new ArrayList<>();
                        lines.add(String.format(
                                "%-11s %-21s %s/join/%s",
                                "organiser",
                                ORGANISER_NAME,
                                publicUrl,
                                created.getJsonObject("result").getString("token")));
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
        everyone.add(new String[] {ORGANISER_ID, ORGANISER_NAME, "organiser"});
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

    /**
     * The person id of a line of the links file: the organiser, or one of the demo's people by name; null for anyone
     * else.
     */
    static String personIdOf(String role, String name) {
        if ("organiser".equals(role)) return ORGANISER_NAME.equals(name) ? ORGANISER_ID : null;
        for (String[] p : PEOPLE) {
            if (p[1].equals(name) && p[2].equals(role)) return p[0];
        }
        return null;
    }

    /** The links file as it is, moved to this start's public URL if that changed (the file is rewritten then). */
    private static List<String> current(Path file, String publicUrl) {
        try {
            List<String> lines = Files.readAllLines(file);
            DemoLinks here = DemoLinks.parse(lines).at(publicUrl);
            if (here.lines().equals(lines) || here.entries().isEmpty()) return lines;
            here.write(file);
            return here.lines();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLines(Path file, List<String> lines) {
        try {
            PrivateFiles.writeAtomically(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
