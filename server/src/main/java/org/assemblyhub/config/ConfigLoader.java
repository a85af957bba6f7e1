package org.assemblyhub.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.assemblyhub.support.Jackson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the configuration from, in rising priority: defaults, a JSON file ({@code --config FILE} or {@code
 * HUB_CONFIG}),
 * environment variables, then command-line flags. Every bad value fails start-up with a message naming the setting.
 * <pre>
 * setting          file key          env                    flag
 * port             port              PORT / HUB_PORT        --port
 * host             host              HUB_HOST               --host    (0.0.0.0; 127.0.0.1 for the demo)
 * data directory   data              HUB_DATA               --data
 * public URL       publicUrl         HUB_PUBLIC_URL         --public-url
 * bootstrap token  bootstrapToken    HUB_BOOTSTRAP_TOKEN    —
 * demo assembly    demo              HUB_DEMO               --demo
 * journal store    store             HUB_STORE              --store file|redis   (file)
 * Redis URL        redisUrl          HUB_REDIS_URL          --redis-url          (redis://127.0.0.1:6379)
 * weaker Redis     acceptWeakerDurability  HUB_ACCEPT_WEAKER_DURABILITY  --accept-weaker-durability
 * cluster          cluster           HUB_CLUSTER            --cluster
 * members          clusterMembers    HUB_CLUSTER_MEMBERS    --cluster-members host:port,host:port
 * cluster address  clusterHost       HUB_CLUSTER_HOST       --cluster-host   (127.0.0.1)
 * Hazelcast port   clusterPort       HUB_CLUSTER_PORT       --cluster-port   (5701)
 * cluster name     clusterName       HUB_CLUSTER_NAME       --cluster-name   (assembly-hub)
 * Kubernetes       clusterKubernetesService  HUB_CLUSTER_KUBERNETES_SERVICE  --cluster-kubernetes-service
 * ownership lease  clusterLeaseMs    HUB_CLUSTER_LEASE_MS   --cluster-lease-ms (12000)
 * metrics token    metricsToken      HUB_METRICS_TOKEN      —        (opens /metrics beyond local scrapers)
 * observers' port  observerPort      HUB_OBSERVER_PORT      --observer-port  (none: observers use /live)
 * observers' URL   observerUrl       HUB_OBSERVER_URL       --observer-url   (ws(s)://publicUrl's host:port/watch)
 * </pre>
 * and the video settings of {@link VideoConfig} and {@link TurnConfig} (file key = env without HUB_, camel case).
 * The upload limits of {@link LearningConfig} are, in bytes, {@code learning.maxVideoBytes}, {@code maxPdfBytes},
 * {@code maxMarkdownBytes} and {@code maxCaptionsBytes}: in the file a {@code "learning": {...}} object (or the dotted
 * keys), in the environment {@code HUB_LEARNING_MAX_VIDEO_BYTES} and so on; {@code learning.filesDir}
 * ({@code HUB_LEARNING_FILES_DIR}) keeps uploads in a folder the nodes of a cluster share. E-mail and text messages:
 * {@link OutreachConfig}.
 */
public final class ConfigLoader {
    private static final Map<String, String> ENV_KEYS = Map.ofEntries(
            Map.entry("PORT", "port"),
            Map.entry("HUB_PORT", "port"),
            Map.entry("HUB_OBSERVER_PORT", "observerPort"),
            Map.entry("HUB_OBSERVER_URL", "observerUrl"),
            Map.entry("HUB_HOST", "host"),
            Map.entry("HUB_DATA", "data"),
            Map.entry("HUB_PUBLIC_URL", "publicUrl"),
            Map.entry("HUB_BOOTSTRAP_TOKEN", "bootstrapToken"),
            Map.entry("HUB_DEMO", "demo"),
            Map.entry("HUB_STORE", "store"),
            Map.entry("HUB_REDIS_URL", "redisUrl"),
            Map.entry("HUB_ACCEPT_WEAKER_DURABILITY", "acceptWeakerDurability"),
            Map.entry("HUB_MAX_MESSAGE_BYTES", "maxMessageBytes"),
            Map.entry("HUB_COMMANDS_PER_SECOND", "commandsPerSecond"),
            Map.entry("HUB_SECURE_COOKIES", "secureCookies"),
            Map.entry("HUB_VIDEO_PROVIDER", "videoProvider"),
            Map.entry("HUB_JITSI_DOMAIN", "jitsiDomain"),
            Map.entry("HUB_JITSI_APP_ID", "jitsiAppId"),
            Map.entry("HUB_JITSI_SECRET", "jitsiSecret"),
            Map.entry("HUB_ICE_SERVERS", "iceServers"),
            Map.entry("HUB_VIDEO_RELAY_FAN_OUT", "videoRelayFanOut"),
            Map.entry("HUB_JITSI_DIAL_IN_NUMBERS_URL", "jitsiDialInNumbersUrl"),
            Map.entry("HUB_JITSI_DIAL_IN_CONF_CODE_URL", "jitsiDialInConfCodeUrl"),
            Map.entry("HUB_SOCKETS_PER_ADDRESS", "socketsPerAddress"),
            Map.entry("HUB_HTTP_PER_SECOND", "httpPerSecond"),
            Map.entry("HUB_TRUST_PROXY", "trustProxy"),
            Map.entry("HUB_ASSEMBLY_TEXT_MB", "assemblyTextMb"),
            Map.entry("HUB_PERSON_TEXT_MB", "personTextMb"),
            Map.entry("HUB_TURN_USERNAME", "turnUsername"),
            Map.entry("HUB_TURN_CREDENTIAL", "turnCredential"),
            Map.entry("HUB_TURN_SECRET", "turnSecret"),
            Map.entry("HUB_RELAY_ONLY", "relayOnly"),
            Map.entry("HUB_METRICS_TOKEN", "metricsToken"),
            Map.entry("HUB_LEARNING_MAX_VIDEO_BYTES", "learning.maxVideoBytes"),
            Map.entry("HUB_LEARNING_MAX_PDF_BYTES", "learning.maxPdfBytes"),
            Map.entry("HUB_LEARNING_MAX_MARKDOWN_BYTES", "learning.maxMarkdownBytes"),
            Map.entry("HUB_LEARNING_MAX_CAPTIONS_BYTES", "learning.maxCaptionsBytes"),
            Map.entry("HUB_LEARNING_MAX_ASSEMBLY_MB", "learning.maxAssemblyMb"),
            Map.entry("HUB_LEARNING_FILES_DIR", "learning.filesDir"),
            Map.entry("HUB_CLUSTER", "cluster"),
            Map.entry("HUB_CLUSTER_MEMBERS", "clusterMembers"),
            Map.entry("HUB_CLUSTER_HOST", "clusterHost"),
            Map.entry("HUB_CLUSTER_PORT", "clusterPort"),
            Map.entry("HUB_CLUSTER_NAME", "clusterName"),
            Map.entry("HUB_CLUSTER_KUBERNETES_SERVICE", "clusterKubernetesService"),
            Map.entry("HUB_CLUSTER_LEASE_MS", "clusterLeaseMs"));
    /** The largest upload limit one may set: just under 2 GiB (the journal records a file's size as an int). */
    private static final long MAX_UPLOAD_LIMIT = Integer.MAX_VALUE;

    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("--port", "port"),
            Map.entry("--observer-port", "observerPort"),
            Map.entry("--observer-url", "observerUrl"),
            Map.entry("--host", "host"),
            Map.entry("--data", "data"),
            Map.entry("--public-url", "publicUrl"),
            Map.entry("--config", "config"),
            Map.entry("--store", "store"),
            Map.entry("--redis-url", "redisUrl"),
            Map.entry("--cluster-members", "clusterMembers"),
            Map.entry("--cluster-host", "clusterHost"),
            Map.entry("--cluster-port", "clusterPort"),
            Map.entry("--cluster-name", "clusterName"),
            Map.entry("--cluster-kubernetes-service", "clusterKubernetesService"),
            Map.entry("--cluster-lease-ms", "clusterLeaseMs"));
    /** Flags that stand alone (no value): each sets its setting to true. */
    private static final Map<String, String> SWITCHES =
            Map.of("--demo", "demo", "--accept-weaker-durability", "acceptWeakerDurability", "--cluster", "cluster");

    private ConfigLoader() {}

    public static HubConfig load(List<String> args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> flags = parseFlags(args);
        String configFile = flags.getOrDefault("config", env.get("HUB_CONFIG"));
        if (configFile != null) values.putAll(readFile(Path.of(configFile)));
        ENV_KEYS.forEach((name, key) -> {
            if (env.get(name) != null && !env.get(name).isBlank())
                values.put(key, env.get(name).trim());
        });
        OutreachConfig.ENV_KEYS.forEach((name, key) -> {
            if (env.get(name) != null && !env.get(name).isBlank())
                values.put(key, env.get(name).trim());
        });
        flags.forEach((key, value) -> {
            if (!key.equals("config")) values.put(key, value);
        });

        boolean demo = bool(values, "demo", false);
        // The demo's links sign anyone in who can reach the hub, and its switcher hands out every identity: it stays on
        // this computer unless the operator says otherwise.
        String host = values.getOrDefault("host", demo ? "127.0.0.1" : "0.0.0.0");
        int port = integer(values, "port", 8080, 0, 65535);
        Path data =
                Path.of(values.getOrDefault("data", "data")).toAbsolutePath().normalize();
        String publicUrl = values.getOrDefault("publicUrl", "http://localhost:" + (port == 0 ? 8080 : port));
        if (!publicUrl.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
            throw new ConfigException("publicUrl must look like http(s)://host[:port], got '" + publicUrl + "'");
        }
        publicUrl = publicUrl.replaceAll("/+$", "");
        String bootstrap = values.get("bootstrapToken");
        if (bootstrap != null && bootstrap.length() < 24) {
            throw new ConfigException(
                    "bootstrapToken must be at least 24 characters long (it guards organiser access)");
        }
        return new HubConfig(
                host,
                port,
                data,
                publicUrl,
                bootstrap,
                demo,
                integer(values, "maxMessageBytes", 64 * 1024, 1024, 1024 * 1024),
                integer(values, "commandsPerSecond", 10, 1, 10_000),
                bool(values, "secureCookies", publicUrl.startsWith("https://")),
                video(values),
                limits(values),
                learning(values),
                store(values),
                cluster(values),
                watch(values, port),
                OutreachConfig.from(values));
    }

    private static WatchConfig watch(Map<String, String> values, int port) {
        String url = values.get("observerUrl");
        if (!values.containsKey("observerPort")) {
            if (url != null) throw new ConfigException("observerUrl needs observerPort (the port it leads to)");
            return WatchConfig.NONE;
        }
        int observerPort = integer(values, "observerPort", -1, 1, 65535);
        if (observerPort == port) throw new ConfigException("observerPort must differ from port (" + port + ")");
        if (url != null && !url.matches("(wss?://[^\\s/]+)?/[^\\s]*"))
            throw new ConfigException(
                    "observerUrl must be ws(s)://host[:port]/path or a path such as /watch, got '" + url + "'");
        return new WatchConfig(observerPort, url);
    }

    private static ClusterConfig cluster(Map<String, String> values) {
        String list = values.getOrDefault("clusterMembers", "");
        List<String> members = list.isBlank()
                ? List.of()
                : Arrays.stream(list.split(","))
                        .map(String::trim)
                        .filter(m -> !m.isEmpty())
                        .toList();
        for (String member : members) {
            if (!member.matches("[^\\s:]+(:\\d{1,5})?")) {
                throw new ConfigException("clusterMembers must be host:port,host:port, got '" + member + "'");
            }
        }
        String service = values.get("clusterKubernetesService");
        return new ClusterConfig(
                bool(values, "cluster", false),
                members,
                values.getOrDefault("clusterHost", "127.0.0.1"),
                integer(values, "clusterPort", ClusterConfig.DEFAULT_PORT, 1, 65535),
                values.getOrDefault("clusterName", ClusterConfig.DEFAULT_NAME),
                service == null || service.isBlank() ? null : service.trim(),
                integer(values, "clusterLeaseMs", (int) ClusterConfig.DEFAULT_LEASE_MS, 1_000, 600_000));
    }

    private static StoreConfig store(Map<String, String> values) {
        String kind = values.getOrDefault("store", "file").trim().toLowerCase();
        boolean weaker = bool(values, "acceptWeakerDurability", false);
        return switch (kind) {
            case "file" -> StoreConfig.FILE;
            case "redis" -> StoreConfig.redis(values.get("redisUrl"), weaker);
            default -> throw new ConfigException("store must be file or redis, got '" + values.get("store") + "'");
        };
    }

    private static LearningConfig learning(Map<String, String> values) {
        LearningConfig d = LearningConfig.DEFAULTS;
        return new LearningConfig(
                bytes(values, "learning.maxVideoBytes", d.maxVideoBytes()),
                bytes(values, "learning.maxPdfBytes", d.maxPdfBytes()),
                bytes(values, "learning.maxMarkdownBytes", d.maxMarkdownBytes()),
                bytes(values, "learning.maxCaptionsBytes", d.maxCaptionsBytes()),
                integer(values, "learning.maxAssemblyMb", (int) (d.maxAssemblyBytes() >> 20), 1, 100_000_000)
                        * (1L << 20),
                filesDir(values.get("learning.filesDir")));
    }

    /** A folder shared by the nodes of a cluster; it must exist (a mount that failed would otherwise go unseen). */
    private static Path filesDir(String raw) {
        if (raw == null || raw.isBlank()) return null;
        Path dir = Path.of(raw.trim()).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir))
            throw new ConfigException(
                    "learning.filesDir " + dir + " is not a directory (is the shared folder mounted?)");
        return dir;
    }

    private static long bytes(Map<String, String> values, String key, long fallback) {
        String raw = values.get(key);
        if (raw == null) return fallback;
        try {
            long value = Long.parseLong(raw.trim());
            if (value < 1024 || value > MAX_UPLOAD_LIMIT) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    key + " must be a number of bytes between 1024 and " + MAX_UPLOAD_LIMIT + ", got '" + raw + "'");
        }
    }

    private static LimitsConfig limits(Map<String, String> values) {
        LimitsConfig d = LimitsConfig.DEFAULTS;
        long mb = 1024L * 1024;
        return new LimitsConfig(
                integer(values, "socketsPerAddress", d.socketsPerAddress(), 1, 100_000),
                integer(values, "httpPerSecond", d.httpPerSecond(), 1, 100_000),
                bool(values, "trustProxy", false),
                integer(values, "assemblyTextMb", (int) (d.assemblyTextBytes() / mb), 1, 1_000_000) * mb,
                integer(values, "personTextMb", (int) (d.personTextBytes() / mb), 1, 1_000_000) * mb,
                d.maxSilenceMs(),
                values.get("metricsToken"));
    }

    private static VideoConfig video(Map<String, String> values) {
        String provider = values.getOrDefault("videoProvider", "mesh").trim().toUpperCase();
        VideoConfig.Provider p;
        try {
            p = VideoConfig.Provider.valueOf(provider);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    "videoProvider must be mesh, jitsi or none, got '" + values.get("videoProvider") + "'");
        }
        String ice = values.getOrDefault("iceServers", "");
        List<String> iceServers = ice.isBlank()
                ? List.of()
                : Arrays.stream(ice.split(",")).map(String::trim).toList();
        TurnConfig turn = new TurnConfig(
                values.get("turnUsername"),
                values.get("turnCredential"),
                values.get("turnSecret"),
                bool(values, "relayOnly", false));
        return new VideoConfig(
                p,
                values.get("jitsiDomain"),
                values.get("jitsiAppId"),
                values.get("jitsiSecret"),
                "jitsi",
                iceServers,
                10,
                integer(values, "videoRelayFanOut", VideoConfig.DEFAULT_RELAY_FAN_OUT, 1, 8),
                values.get("jitsiDialInNumbersUrl"),
                values.get("jitsiDialInConfCodeUrl"),
                turn);
    }

    private static Map<String, String> parseFlags(List<String> args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (SWITCHES.containsKey(arg)) {
                flags.put(SWITCHES.get(arg), "true");
                continue;
            }
            String key = FLAGS.get(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg);
            if (key == null)
                throw new ConfigException("unknown option '" + arg + "' (known: " + String.join(", ", FLAGS.keySet())
                        + ", " + String.join(", ", SWITCHES.keySet()) + ")");
            if (arg.contains("=")) {
                flags.put(key, arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.size()) {
                flags.put(key, args.get(++i));
            } else {
                throw new ConfigException("option " + arg + " needs a value");
            }
        }
        return flags;
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isReadable(file)) throw new ConfigException("config file " + file + " cannot be read");
        try {
            JsonNode root = Jackson.MAPPER.readTree(file.toFile());
            if (root == null || !root.isObject())
                throw new ConfigException("config file " + file + " must hold a JSON object");
            Map<String, String> values = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("outreach") && e.getValue().isObject()) {
                    e.getValue()
                            .fields()
                            .forEachRemaining(o -> put(values, file, "outreach." + o.getKey(), o.getValue()));
                } else if (e.getKey().equals("learning") && e.getValue().isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> inner =
                                    e.getValue().fields();
                            inner.hasNext(); ) {
                        Map.Entry<String, JsonNode> l = inner.next();
                        put(values, file, "learning." + l.getKey(), l.getValue());
                    }
                } else {
                    put(values, file, e.getKey(), e.getValue());
                }
            }
            return values;
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " is not valid JSON: " + e.getMessage());
        }
    }

    private static void put(Map<String, String> values, Path file, String key, JsonNode value) {
        if (!ENV_KEYS.containsValue(key) && !OutreachConfig.ENV_KEYS.containsValue(key)) {
            throw new ConfigException("config file " + file + ": unknown setting '" + key + "'");
        }
        values.put(key, value.asText());
    }

    private static int integer(Map<String, String> values, String key, int fallback, int min, int max) {
        String raw = values.get(key);
        if (raw == null) return fallback;
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    key + " must be a whole number between " + min + " and " + max + ", got '" + raw + "'");
        }
    }

    private static boolean bool(Map<String, String> values, String key, boolean fallback) {
        String raw = values.get(key);
        if (raw == null) return fallback;
        return switch (raw.trim().toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(key + " must be true or false, got '" + raw + "'");
        };
    }
}
