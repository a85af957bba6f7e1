package org.assemblyhub.deploy;

import static org.assemblyhub.deploy.DeployFiles.nginxBlock;
import static org.assemblyhub.deploy.DeployFiles.nginxWithoutComments;
import static org.assemblyhub.deploy.DeployFiles.redisDirectives;
import static org.assemblyhub.deploy.DeployFiles.text;
import static org.assemblyhub.deploy.DeployFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * deploy/ read as Docker, Compose, Kubernetes, nginx, Redis and coturn would read it (no Docker here): the hub nodes
 * it describes use only settings the hub has, Redis keeps every acknowledged write, probes ask /health, and nothing
 * pins a client to a node.
 */
class DeployFilesTest {
    static final Path CONFIG_SOURCES = Path.of("src/main/java/org/assemblyhub/config");
    private static final Pattern ENV_NAME = Pattern.compile("\\bHUB_[A-Z0-9_]+\\b");

    @Test
    void every_hub_setting_and_flag_used_in_deploy_is_one_the_hub_reads() throws IOException {
        Set<String> known = configurationNames();
        Set<String> used = new TreeSet<>(hubFlags());
        for (Path file : DeployFiles.all()) {
            Matcher m = ENV_NAME.matcher(text(file.toString()));
            while (m.find()) used.add(m.group());
        }
        used.removeAll(known);

        assertThat(used)
                .as("settings in deploy/ that ConfigLoader does not know")
                .isEmpty();
    }

    @Test
    void compose_runs_three_hub_nodes_clustered_on_redis_with_jitsi_and_coturn_as_profiles() {
        JsonNode services = yaml("compose.yaml").get(0).get("services");
        List<String> hubs = hubServices(services);

        assertThat(hubs).hasSize(3);
        for (String hub : hubs) {
            JsonNode node = services.get(hub);
            assertThat(strings(node.get("command")))
                    .as(hub)
                    .contains("--cluster")
                    .containsSequence("--store", "redis");
            assertThat(node.has("profiles")).as(hub + " runs by default").isFalse();
            assertThat(node.path("environment").path("HUB_REDIS_URL").asText()).contains("@redis:6379");
            assertThat(text(node.path("env_file").asText()))
                    .contains("HUB_CLUSTER_MEMBERS=hub1:5701,hub2:5701,hub3:5701");
        }
        assertThat(strings(services.path("redis").path("command"))).contains("/usr/local/etc/redis/redis.conf");
        assertThat(strings(services.path("redis").path("volumes")))
                .contains("./redis.conf:/usr/local/etc/redis/redis.conf:ro");
        for (String jitsi : List.of("jitsi-web", "jitsi-prosody", "jitsi-jicofo", "jitsi-jvb")) {
            assertThat(strings(services.path(jitsi).path("profiles"))).as(jitsi).containsExactly("jitsi");
        }
        assertThat(strings(services.path("coturn").path("profiles"))).containsExactly("turn");
        assertThat(strings(services.path("nginx").path("volumes")))
                .contains("./nginx-cluster.conf:/etc/nginx/conf.d/default.conf:ro");
    }

    @Test
    void every_redis_conf_keeps_every_acknowledged_write_and_never_evicts() {
        List<String> confs = DeployFiles.all().stream()
                .map(Path::toString)
                .filter(p -> p.endsWith("redis.conf"))
                .toList();
        assertThat(confs).contains("redis.conf", "k8s/redis.conf");
        for (String conf : confs) {
            Map<String, String> d = redisDirectives(conf);
            assertThat(d).as(conf).containsEntry("appendonly", "yes");
            assertThat(d).as(conf).containsEntry("appendfsync", "always");
            assertThat(d).as(conf).containsEntry("maxmemory-policy", "noeviction");
            assertThat(d).as(conf).doesNotContainKey("requirepass"); // the password comes from a secret
        }
        assertThat(redisDirectives("k8s/redis.conf")).isEqualTo(redisDirectives("redis.conf"));
    }

    @Test
    void health_checks_and_probes_ask_slash_health() {
        JsonNode hub = statefulSet("hub-statefulset.yaml")
                .path("spec")
                .path("template")
                .path("spec");
        JsonNode container = hub.path("containers").get(0);
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(container.path(probe).path("httpGet").path("path").asText())
                    .as(probe)
                    .isEqualTo("/health");
            assertThat(container.path(probe).path("httpGet").path("port").asText())
                    .as(probe)
                    .isEqualTo("http");
        }
        assertThat(text("Dockerfile"))
                .containsPattern("HEALTHCHECK[^\\n]*\\\\\\n\\s+CMD curl -fsS http://127.0.0.1:8080/health");
    }

    @Test
    void the_image_is_built_from_the_jar_and_runs_as_a_user_that_is_not_root() throws IOException {
        String dockerfile = text("Dockerfile");
        assertThat(dockerfile).contains("COPY server/target/assembly-hub.jar ");
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<finalName>assembly-hub</finalName>");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1))
                .doesNotStartWith("root")
                .doesNotStartWith("0:")
                .isNotEqualTo("0");
        JsonNode security = statefulSet("hub-statefulset.yaml")
                .path("spec")
                .path("template")
                .path("spec")
                .path("securityContext");
        assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.path("runAsUser").asInt()).isEqualTo(10001);
    }

    @Test
    void anonymous_observers_reach_their_own_endpoint_through_nginx_and_the_ingress() {
        assertThat(text("hub.env")).contains("HUB_OBSERVER_PORT=8081", "HUB_OBSERVER_URL=/watch");
        String single = nginxBlock(nginxWithoutComments("nginx.conf"), "location = /watch");
        assertThat(single).contains("proxy_pass http://127.0.0.1:8081;", "proxy_set_header Upgrade $http_upgrade;");
        String cluster = nginxWithoutComments("nginx-cluster.conf");
        assertThat(nginxBlock(cluster, "location = /watch"))
                .contains("proxy_pass http://assembly_hub_watch;", "proxy_set_header Upgrade $http_upgrade;");
        assertThat(nginxBlock(cluster, "upstream assembly_hub_watch"))
                .contains("server hub1:8081", "server hub2:8081", "server hub3:8081");
        JsonNode config = yaml("k8s/hub-config.yaml").get(0).path("data");
        assertThat(config.path("HUB_OBSERVER_PORT").asText()).isEqualTo("8081");
        assertThat(config.path("HUB_OBSERVER_URL").asText()).isEqualTo("/watch");
        assertThat(text("k8s/hub-statefulset.yaml")).contains("name: watch", "containerPort: 8081");
        JsonNode watchPath = yaml("k8s/ingress.yaml")
                .get(0)
                .path("spec")
                .path("rules")
                .get(0)
                .path("http")
                .path("paths")
                .get(0);
        assertThat(watchPath.path("path").asText()).isEqualTo("/watch");
        assertThat(watchPath
                        .path("backend")
                        .path("service")
                        .path("port")
                        .path("name")
                        .asText())
                .isEqualTo("watch");
    }

    @Test
    void nginx_passes_the_websocket_upgrade_and_pins_no_client_to_a_node() {
        for (String file : List.of("nginx-cluster.conf", "nginx.conf")) {
            String conf = nginxWithoutComments(file);
            String live = nginxBlock(conf, "location /live");
            assertThat(live).as(file).contains("proxy_http_version 1.1;", "proxy_set_header Upgrade $http_upgrade;");
            assertThat(live)
                    .as(file)
                    .containsPattern("proxy_set_header Connection (\\$connection_upgrade|\"upgrade\");");
            assertThat(live).as(file).contains("proxy_set_header X-Real-IP $remote_addr;", "proxy_read_timeout 120s;");
            assertThat(conf).as(file).doesNotContain("ip_hash", "sticky").doesNotContainPattern("(?m)^\\s*hash\\s");
        }
        String upstream = nginxBlock(nginxWithoutComments("nginx-cluster.conf"), "upstream assembly_hub");
        assertThat(upstream).contains("server hub1:8080", "server hub2:8080", "server hub3:8080");
        assertThat(yaml("k8s/ingress.yaml")
                        .get(0)
                        .path("metadata")
                        .path("annotations")
                        .toString())
                .doesNotContain("affinity", "upstream-hash-by");
        JsonNode service = yaml("k8s/hub-services.yaml").stream()
                .filter(d -> d.path("metadata").path("name").asText().equals("assembly-hub"))
                .findFirst()
                .orElseThrow();
        assertThat(service.path("spec").path("sessionAffinity").asText()).isEqualTo("None");
    }

    @Test
    void kubernetes_finds_hub_members_through_a_headless_service_and_keeps_redis_on_a_volume() {
        List<String> resources = strings(yaml("k8s/kustomization.yaml").get(0).path("resources"));
        for (String resource : resources)
            assertThat(DeployFiles.DEPLOY.resolve("k8s").resolve(resource)).exists();
        JsonNode headless = yaml("k8s/hub-services.yaml").stream()
                .filter(d -> d.path("spec").path("clusterIP").asText().equals("None"))
                .findFirst()
                .orElseThrow();
        String name = headless.path("metadata").path("name").asText();
        assertThat(headless.path("spec").path("publishNotReadyAddresses").asBoolean())
                .isTrue();
        assertThat(headless.path("spec").path("ports").get(0).path("port").asInt())
                .isEqualTo(5701);
        JsonNode hub = statefulSet("hub-statefulset.yaml");
        assertThat(hub.path("spec").path("serviceName").asText()).isEqualTo(name);
        assertThat(hub.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(yaml("k8s/hub-config.yaml")
                        .get(0)
                        .path("data")
                        .path("HUB_CLUSTER_KUBERNETES_SERVICE")
                        .asText())
                .isEqualTo(name);
        JsonNode redis = statefulSet("redis-statefulset.yaml");
        assertThat(redis.path("spec")
                        .path("volumeClaimTemplates")
                        .get(0)
                        .path("spec")
                        .path("resources")
                        .path("requests")
                        .path("storage")
                        .asText())
                .isNotEmpty();
        assertThat(redis.toString()).contains("redis-config");
        assertThat(hub.toString()).contains("assembly-hub-secrets", "assembly-hub-config");
    }

    @Test
    void every_secret_the_manifests_read_is_in_the_example_and_none_is_committed() {
        String example = text("k8s/secrets.env.example");
        Matcher key = Pattern.compile("secretKeyRef: \\{name: assembly-hub-secrets, key: ([A-Z_]+)")
                .matcher(text("k8s/hub-statefulset.yaml") + text("k8s/redis-statefulset.yaml"));
        int found = 0;
        while (key.find()) {
            found++;
            assertThat(example).as(key.group(1)).containsPattern("(?m)^" + key.group(1) + "=");
        }
        assertThat(found).isGreaterThanOrEqualTo(5);
        assertThat(DeployFiles.all())
                .noneMatch(p -> p.toString().equals(".env") || p.toString().endsWith("secrets.env"));
        assertThat(text(".gitignore")).contains(".env", "k8s/secrets.env");
    }

    @Test
    void coturn_takes_the_shared_secret_the_hub_makes_time_limited_credentials_from() {
        Map<String, String> turn = redisDirectives("turn/turnserver.conf"); // "key[=value]" lines, like Redis's
        assertThat(text("turn/turnserver.conf")).containsPattern("(?m)^use-auth-secret$");
        assertThat(turn.keySet()).noneMatch(k -> k.startsWith("static-auth-secret"));
        assertThat(text("turn/turnserver.conf"))
                .containsPattern("(?m)^denied-peer-ip=10\\.0\\.0\\.0-10\\.255\\.255\\.255$");
        assertThat(text("turn/README.md")).contains("HUB_TURN_SECRET", "HUB_ICE_SERVERS", "HUB_RELAY_ONLY", "12 hours");
        assertThat(strings(yaml("compose.yaml")
                        .get(0)
                        .path("services")
                        .path("coturn")
                        .path("command")))
                .anyMatch(a -> a.equals("--static-auth-secret=${HUB_TURN_SECRET:?set HUB_TURN_SECRET in deploy/.env}"));
    }

    private static JsonNode statefulSet(String file) {
        return yaml("k8s/" + file).stream()
                .filter(d -> d.path("kind").asText().equals("StatefulSet"))
                .findFirst()
                .orElseThrow();
    }

    /** Compose services that run the hub's image. */
    private static List<String> hubServices(JsonNode services) {
        List<String> out = new ArrayList<>();
        services.fieldNames().forEachRemaining(name -> {
            if (services.get(name).path("image").asText().startsWith("assembly-hub")) out.add(name);
        });
        return out;
    }

    /** The flags given to the hub: compose commands of the hub services, the hub container's args in Kubernetes. */
    private static Set<String> hubFlags() {
        Set<String> flags = new TreeSet<>();
        JsonNode services = yaml("compose.yaml").get(0).get("services");
        List<String> args = new ArrayList<>();
        for (String hub : hubServices(services))
            args.addAll(strings(services.get(hub).get("command")));
        args.addAll(strings(statefulSet("hub-statefulset.yaml")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("args")));
        for (String arg : args)
            if (arg.startsWith("--")) flags.add(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg);
        return flags;
    }

    /** Every flag and environment name quoted in the configuration's sources (ConfigLoader and its records). */
    private static Set<String> configurationNames() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern quoted = Pattern.compile("\"(HUB_[A-Z0-9_]+|PORT|--[a-z][a-z-]*)\"");
        try (Stream<Path> files = Files.list(CONFIG_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = quoted.matcher(Files.readString(file));
                while (m.find()) names.add(m.group(1));
            }
        }
        return names;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) return out;
        if (node.isTextual()) out.add(node.asText());
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}
