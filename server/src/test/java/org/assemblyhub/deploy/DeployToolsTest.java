package org.assemblyhub.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * deploy/ handed to the real tools this machine has: redis-server reads deploy/redis.conf, and kubectl's kustomize
 * renders deploy/k8s. Each test is skipped, saying why, where its tool is missing (Docker and Compose are not here).
 */
class DeployToolsTest {

    @Test
    void a_real_redis_server_started_with_deploy_redis_conf_reports_its_durability_settings() throws Exception {
        assumeTrue(onPath("redis-server"), "redis-server is not installed");
        Path dir = Files.createTempDirectory("deploy-redis");
        int port = TestHub.freePort();
        Process redis = new ProcessBuilder(
                        "redis-server",
                        DeployFiles.DEPLOY.resolve("redis.conf").toString(),
                        "--port",
                        String.valueOf(port),
                        "--bind",
                        "127.0.0.1",
                        "--dir",
                        dir.toString(),
                        "--daemonize",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        try (Socket socket = connect(port, redis, dir)) {
            assertThat(configGet(socket, "appendonly")).isEqualTo("yes");
            assertThat(configGet(socket, "appendfsync")).isEqualTo("always");
            assertThat(configGet(socket, "maxmemory-policy")).isEqualTo("noeviction");
        } finally {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
            delete(dir);
        }
    }

    @Test
    void kustomize_renders_the_kubernetes_manifests_with_the_generated_secret_and_redis_config() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        Path copy = Files.createTempDirectory("deploy-k8s");
        try (Stream<Path> files = Files.list(DeployFiles.DEPLOY.resolve("k8s"))) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        Files.copy(copy.resolve("secrets.env.example"), copy.resolve("secrets.env"));
        Process kustomize = new ProcessBuilder("kubectl", "kustomize", copy.toString())
                .redirectErrorStream(true)
                .start();
        String rendered = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kustomize.waitFor(60, TimeUnit.SECONDS)).isTrue();
        delete(copy);

        assertThat(kustomize.exitValue()).as(rendered).isZero();
        assertThat(rendered)
                .contains("kind: StatefulSet", "kind: PodDisruptionBudget", "kind: Ingress", "namespace: assembly-hub")
                .containsPattern("name: assembly-hub-secrets-[a-z0-9]+")
                .containsPattern("name: redis-config-[a-z0-9]+")
                .contains("image: registry.example.org/assembly-hub:0.1.0");
    }

    @Test
    void nginx_accepts_both_proxy_configurations() throws Exception {
        assumeTrue(onPath("nginx"), "nginx is not installed");
        for (String file : List.of("nginx-cluster.conf", "nginx.conf")) {
            Path prefix = Files.createTempDirectory("deploy-nginx");
            try {
                Files.createDirectories(prefix.resolve("logs"));
                Path tls = prefix.resolve("tls");
                Files.createDirectories(tls);
                Process cert = new ProcessBuilder(
                                "openssl",
                                "req",
                                "-x509",
                                "-newkey",
                                "rsa:2048",
                                "-nodes",
                                "-days",
                                "1",
                                "-subj",
                                "/CN=assembly.example.org",
                                "-keyout",
                                tls.resolve("privkey.pem").toString(),
                                "-out",
                                tls.resolve("fullchain.pem").toString())
                        .redirectErrorStream(true)
                        .start();
                cert.getInputStream().readAllBytes();
                assertThat(cert.waitFor(60, TimeUnit.SECONDS) && cert.exitValue() == 0)
                        .isTrue();
                // Only what a test machine lacks is changed: upstream names, certificate and log paths, ports; and
                // "http2 on" (nginx 1.25.1+; the compose file's image has it, Debian 12's nginx does not).
                String site = DeployFiles.text(file)
                        .replaceAll("hub[123]:808[01]", "127.0.0.1:1")
                        .replace("/etc/nginx/tls/", tls + "/")
                        .replace("/etc/letsencrypt/live/assembly.example.org/", tls + "/")
                        .replace("/var/log/nginx/", prefix.resolve("logs") + "/")
                        .replace("    http2 on;\n", "")
                        .replace("listen 443 ", "listen 18443 ")
                        .replace("listen 80;", "listen 18080;");
                Files.writeString(prefix.resolve("site.conf"), site);
                Files.writeString(
                        prefix.resolve("main.conf"),
                        "pid " + prefix.resolve("nginx.pid") + ";\nerror_log " + prefix.resolve("logs/error.log")
                                + ";\nevents {}\nhttp {\n include /etc/nginx/mime.types;\n include "
                                + prefix.resolve("site.conf") + ";\n}\n");
                Process test = new ProcessBuilder(
                                "nginx", "-t", "-c", prefix.resolve("main.conf").toString(), "-p", prefix + "/")
                        .redirectErrorStream(true)
                        .start();
                String said = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(test.waitFor(60, TimeUnit.SECONDS)).isTrue();

                assertThat(test.exitValue()).as(file + ": " + said).isZero();
                assertThat(said).as(file).contains("syntax is ok");
            } finally {
                delete(prefix);
            }
        }
    }

    @Test
    void promtool_accepts_the_alert_rules() throws Exception {
        assumeTrue(onPath("promtool"), "promtool (Debian's prometheus package) is not installed");
        Process check = new ProcessBuilder(
                        "promtool",
                        "check",
                        "rules",
                        DeployFiles.DEPLOY.resolve("prometheus/alerts.yaml").toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(check.exitValue()).as(said).isZero();
        assertThat(said).contains("SUCCESS");
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(":")) if (Files.isExecutable(Path.of(dir, tool))) return true;
        return false;
    }

    private static Socket connect(int port, Process redis, Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                return new Socket("127.0.0.1", port);
            } catch (IOException notYet) {
                if (!redis.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError(
                            "redis-server did not start: " + Files.readString(dir.resolve("redis.log")));
                }
                Thread.sleep(20);
            }
        }
    }

    /** {@code CONFIG GET name} in RESP: an array of the name and its value. */
    private static String configGet(Socket socket, String name) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("*3\r\n$6\r\nCONFIG\r\n$3\r\nGET\r\n$" + name.length() + "\r\n" + name + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String header = in.readLine();
        assertThat(header).isEqualTo("*2");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            in.readLine(); // $length
            items.add(in.readLine());
        }
        assertThat(items.get(0)).isEqualTo(name);
        return items.get(1);
    }
}
