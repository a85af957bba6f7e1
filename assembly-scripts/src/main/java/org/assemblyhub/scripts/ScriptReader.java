package org.assemblyhub.scripts;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a run-of-show script: YAML → checked against {@code assembly-script.schema.json} (the JSON Schema is the
 * contract; a well-kept validator applies it) → the few rules a schema cannot say → {@link Script}.
 * Every problem is reported at once, with its line and a plain sentence.
 */
public final class ScriptReader {
    public static final String SCHEMA = "assembly-scripts/schema/assembly-script.schema.json";
    /** A live session beyond this is almost certainly a typo (practice: 60–90 minutes). */
    public static final int MAX_SESSION_MINUTES = 240;

    private static final int MAX_BYTES = 1024 * 1024;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchema SCHEMA_VALIDATOR = loadSchema();

    public record Result(Script script, List<ScriptProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private ScriptReader() {}

    public static Result read(String yaml) {
        if (yaml.length() > MAX_BYTES) return invalid(new ScriptProblem(0, "", "The script is larger than 1 MiB."));
        JsonNode root;
        YamlLocations lines;
        try {
            root = YAML.readTree(yaml);
            lines = YamlLocations.of(yaml);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return invalid(new ScriptProblem(line, "", "This is not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            return invalid(new ScriptProblem(1, "", "A script is a YAML mapping with a title and sessions."));
        }
        List<ScriptProblem> problems = new ArrayList<>(schemaProblems(root, lines));
        if (problems.isEmpty()) problems.addAll(ruleProblems(root, lines));
        if (!problems.isEmpty()) return new Result(null, problems);
        return new Result(ScriptModel.from(root), List.of());
    }

    private static Result invalid(ScriptProblem problem) {
        return new Result(null, List.of(problem));
    }

    private static List<ScriptProblem> schemaProblems(JsonNode root, YamlLocations lines) {
        Set<ScriptProblem> problems = new LinkedHashSet<>();
        for (ValidationMessage m : SCHEMA_VALIDATOR.validate(root)) {
            String pointer = m.getInstanceLocation().toString();
            // "if/then" branches repeat the failure of the branch itself; the inner message is the useful one.
            if ("allOf".equals(m.getType()) || "if".equals(m.getType())) continue;
            problems.add(new ScriptProblem(lines.lineOf(pointer), Where.describe(root, pointer), plain(m)));
        }
        List<ScriptProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(ScriptProblem::line));
        return sorted;
    }

    /** The validator's wording, with the jargon of JSON Schema turned into script words. */
    private static String plain(ValidationMessage m) {
        String error = m.getError();
        return switch (m.getType()) {
            case "required" -> "'" + m.getProperty() + "' is missing.";
            case "additionalProperties" -> "'" + m.getProperty()
                    + "' is not a setting here (check its spelling and indentation).";
            case "enum" -> "Must be one of " + enumValues(m) + ".";
            default -> error.substring(0, 1).toUpperCase(Locale.ROOT)
                    + error.substring(1)
                    + (error.endsWith(".") ? "" : ".");
        };
    }

    private static String enumValues(ValidationMessage m) {
        JsonNode values = m.getSchemaNode();
        List<String> names = new ArrayList<>();
        if (values != null) values.forEach(v -> names.add(v.asText()));
        return String.join(", ", names);
    }

    private static List<ScriptProblem> ruleProblems(JsonNode root, YamlLocations lines) {
        List<ScriptProblem> problems = new ArrayList<>();
        Map<String, String> seenIds = new HashMap<>();
        JsonNode sessions = root.get("sessions");
        for (int s = 0; s < sessions.size(); s++) {
            JsonNode session = sessions.get(s);
            String base = "/sessions/" + s;
            String id = session.get("id").asText();
            if (seenIds.putIfAbsent(id, base) != null) {
                problems.add(problem(root, lines, base + "/id", "Another session already has the id '" + id + "'."));
            }
            int total = 0;
            JsonNode segments = session.get("segments");
            for (int g = 0; g < segments.size(); g++) {
                JsonNode segment = segments.get(g);
                String at = base + "/segments/" + g;
                int minutes = segment.get("minutes").asInt();
                total += minutes;
                JsonNode size = segment.path("groupSize");
                if (size.has("min")
                        && size.has("max")
                        && size.get("min").asInt() > size.get("max").asInt()) {
                    problems.add(problem(
                            root, lines, at + "/groupSize", "The smallest group size is larger than the largest."));
                }
                if (segment.has("warningMinutes")
                        && segment.get("warningMinutes").asInt() >= minutes) {
                    problems.add(problem(
                            root,
                            lines,
                            at + "/warningMinutes",
                            "The warning must come before the end of the round (" + minutes + " minutes)."));
                }
            }
            if (total > MAX_SESSION_MINUTES) {
                problems.add(problem(
                        root,
                        lines,
                        base,
                        "This session lasts " + total + " minutes; a live session is at most " + MAX_SESSION_MINUTES
                                + " (split it in two)."));
            }
        }
        return problems;
    }

    private static ScriptProblem problem(JsonNode root, YamlLocations lines, String pointer, String message) {
        return new ScriptProblem(lines.lineOf(pointer), Where.describe(root, pointer), message);
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = ScriptReader.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) throw new IllegalStateException(SCHEMA + " is missing from the classpath");
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true)
                    .locale(Locale.ENGLISH)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
