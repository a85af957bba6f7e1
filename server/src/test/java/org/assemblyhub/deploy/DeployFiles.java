package org.assemblyhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The files of deploy/ as the tools that use them read them: YAML documents, nginx and Redis directives. */
final class DeployFiles {
    static final Path DEPLOY = Path.of("../deploy");
    private static final YAMLMapper YAML = new YAMLMapper();

    private DeployFiles() {}

    /** Every document of a YAML file ({@code ---} separated). */
    static List<JsonNode> yaml(String path) {
        try (MappingIterator<JsonNode> docs =
                YAML.readerFor(JsonNode.class).readValues(DEPLOY.resolve(path).toFile())) {
            List<JsonNode> out = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) out.add(doc);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        try {
            return Files.readString(DEPLOY.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under deploy/ (relative paths), secrets' examples included. */
    static List<Path> all() {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(Files::isRegularFile).map(DEPLOY::relativize).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Redis configuration file: directive → its arguments (the last one wins, as for Redis). */
    static Map<String, String> redisDirectives(String path) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text(path).split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] parts = l.split("\\s+", 2);
            out.put(parts[0].toLowerCase(), parts.length > 1 ? parts[1].strip() : "");
        }
        return out;
    }

    /** An nginx file without its comments. */
    static String nginxWithoutComments(String path) {
        StringBuilder out = new StringBuilder();
        for (String line : text(path).split("\n")) {
            int hash = line.indexOf('#');
            out.append(hash < 0 ? line : line.substring(0, hash)).append('\n');
        }
        return out.toString();
    }

    /** The body of the nginx block that starts with {@code header} (e.g. {@code location /live}), braces balanced. */
    static String nginxBlock(String config, String header) {
        int at = config.indexOf(header);
        if (at < 0) throw new AssertionError("no block '" + header + "'");
        int open = config.indexOf('{', at);
        int depth = 0;
        for (int i = open; i < config.length(); i++) {
            if (config.charAt(i) == '{') depth++;
            if (config.charAt(i) == '}' && --depth == 0) return config.substring(open + 1, i);
        }
        throw new AssertionError("unbalanced block '" + header + "'");
    }
}
