package org.assemblyhub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The packaged hub started as {@code ./hub demo} starts it ({@code java -jar assembly-hub.jar --demo}, only a port and
 * a data directory besides): it listens on 127.0.0.1 and nowhere else, and its banner says so and how to open it up.
 * The listening address is read from the kernel's table of sockets, not from what the hub says.
 */
class DemoHubIT {
    static final Path JAR = Path.of(System.getProperty("hub.jar", "target/assembly-hub.jar"));

    @Test
    void the_demo_listens_on_127_0_0_1_by_default_and_its_banner_says_so() throws Exception {
        int port = TestHub.freePort();
        Path data = Files.createTempDirectory("demo-hub-it");
        Process hub = start(data, port, List.of());
        try {
            String banner = awaitBanner(hub, data.resolve("hub.log"));
            assertThat(listening(port)).containsExactly("127.0.0.1");
            nonLoopbackAddress().ifPresent(address -> assertThat(accepts(address, port))
                    .as("not reachable at " + address.getHostAddress())
                    .isFalse());
            assertThat(banner)
                    .contains("listening on 127.0.0.1:" + port)
                    .contains("The demo listens on 127.0.0.1 only")
                    .contains("--host 0.0.0.0")
                    .contains("http://localhost:" + port + "/demo")
                    .doesNotContain("\u001b[");
            assertThat(Files.readAllLines(data.resolve("demo-links.txt")))
                    .filteredOn(l -> l.startsWith("member"))
                    .hasSize(10);
            assertThat(get(port, "/demo")).isEqualTo(200);
        } finally {
            hub.destroyForcibly().waitFor();
        }
    }

    @Test
    void the_demo_told_to_listen_on_0_0_0_0_does_so_has_no_switcher_and_says_who_can_join() throws Exception {
        int port = TestHub.freePort();
        Path data = Files.createTempDirectory("demo-hub-it");
        Process hub = start(data, port, List.of("--host", "0.0.0.0"));
        try {
            String banner = awaitBanner(hub, data.resolve("hub.log"));
            Set<String> addresses = listening(port);
            assertThat(addresses).isNotEmpty();
            for (String address : addresses) {
                assertThat(InetAddress.getByName(address).isAnyLocalAddress())
                        .as(address + " is every address (IPv4 0.0.0.0, or IPv6 :: with IPv4 too)")
                        .isTrue();
            }
            assertThat(banner)
                    .contains("The demo listens on 0.0.0.0: anyone who can reach this computer")
                    .contains("which other devices cannot open: add --public-url");
            assertThat(get(port, "/demo")).isEqualTo(404);
        } finally {
            hub.destroyForcibly().waitFor();
        }
    }

    private static Process start(Path data, int port, List<String> extra) throws IOException {
        if (!Files.exists(JAR)) throw new IllegalStateException(JAR + " is missing: run mvn package first");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toString(),
                "--demo",
                "--port",
                Integer.toString(port),
                "--data",
                data.toString()));
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("hub.log").toFile());
        builder.environment().put("HUB_BOOTSTRAP_TOKEN", TestHub.BOOTSTRAP);
        builder.environment().remove("HUB_HOST");
        return builder.start();
    }

    /** Waits for the demo's banner, the last thing the hub prints once it serves. */
    private static String awaitBanner(Process hub, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains("The demo listens on")) return text;
            if (!hub.isAlive()) throw new IllegalStateException("the hub exited early:\n" + text);
            Thread.sleep(100);
        }
        throw new IllegalStateException("no banner after 90 s:\n" + Files.readString(log));
    }

    /** The local addresses of the sockets listening on {@code port}, from /proc/net/tcp and tcp6 (Linux). */
    private static Set<String> listening(int port) throws IOException {
        Path tcp = Path.of("/proc/net/tcp");
        assumeTrue(Files.isReadable(tcp), "needs Linux's /proc/net/tcp");
        Set<String> addresses = new TreeSet<>();
        for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
            if (!Files.isReadable(table)) continue;
            for (String line : Files.readAllLines(table)
                    .subList(1, Files.readAllLines(table).size())) {
                String[] fields = line.strip().split("\\s+");
                String[] local = fields[1].split(":");
                if (!fields[3].equals("0A") || Integer.parseInt(local[1], 16) != port) continue; // 0A: LISTEN
                addresses.add(InetAddress.getByAddress(bytes(local[0])).getHostAddress());
            }
        }
        return addresses;
    }

    /** /proc/net/tcp writes each 32-bit word of an address in host (little-endian) order. */
    private static byte[] bytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int word = 0; word < out.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                out[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return out;
    }

    /** An IPv4 address of this machine that is not loopback, if it has one. */
    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address) return Optional.of(address);
            }
        }
        return Optional.empty();
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException e) { // refused, or nothing answers there
            return false;
        }
    }

    private static int get(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
