package org.assemblyhub.testing;

import io.vertx.core.Vertx;
import org.assemblyhub.Hub;
import org.assemblyhub.config.ConfigLoader;
import org.assemblyhub.config.HubConfig;
import org.assemblyhub.demo.DemoAssembly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real hub in demo mode in this JVM, configured from the same flags as {@code ./hub demo} ({@code --demo --port
 * --data}, nothing else) and started as the launcher starts it: the demo assembly, its links file, and its keeper.
 */
public final class DemoHub implements AutoCloseable {
    private final HubConfig config;
    private final Hub hub;
    private final List<String> printed;
    private final Vertx clientVertx = Vertx.vertx();
    private final List<LiveClient> clients = new ArrayList<>();

    private DemoHub(HubConfig config, Hub hub, List<String> printed) {
        this.config = config;
        this.hub = hub;
        this.printed = printed;
    }

    /** {@code extraFlags}: more of the launcher's flags ({@code --host 0.0.0.0}, say). */
    public static DemoHub start(String... extraFlags) {
        List<String> flags = new ArrayList<>(List.of(
                "--demo",
                "--port",
                Integer.toString(TestHub.freePort()),
                "--data",
                TestHub.newDataDir().toString()));
        flags.addAll(List.of(extraFlags));
        HubConfig config = ConfigLoader.load(flags, Map.of("HUB_BOOTSTRAP_TOKEN", TestHub.BOOTSTRAP));
        try {
            Hub hub =
                    Hub.start(config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            List<String> printed = DemoAssembly.start(hub.vertx(), config.dataDir(), config.publicUrl())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            return new DemoHub(config, hub, printed);
        } catch (Exception e) {
            throw new IllegalStateException("the demo hub did not start", e);
        }
    }

    public HubConfig config() {
        return config;
    }

    /** The address the demo's links start with ({@code http://localhost:<port>}). */
    public String url() {
        return config.publicUrl();
    }

    public int port() {
        return config.port();
    }

    /** The lines the launcher printed at start. */
    public List<String> printed() {
        return printed;
    }

    public Path linksFile() {
        return DemoAssembly.links(config.dataDir());
    }

    /** The links file as it is now. */
    public List<String> links() {
        try {
            return Files.readAllLines(linksFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The link column of the file's line for {@code name} as it is now. */
    public String link(String name) {
        return links().stream()
                .filter(l -> l.contains(" " + name + " "))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not in " + linksFile()));
    }

    public LiveClient client(String token) {
        LiveClient client = LiveClient.connect(clientVertx, config.port(), token);
        clients.add(client);
        return client;
    }

    /**
     * A raw HTTP/1.1 request to 127.0.0.1 with exactly these headers (Java's client will not send another Host): the
     * status code and the body.
     */
    public Raw raw(String method, String path, String host, String... headers) {
        try (Socket socket = new Socket("127.0.0.1", config.port())) {
            socket.setSoTimeout(15_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
            for (String header : headers) request.append(header).append("\r\n");
            request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int body = response.indexOf("\r\n\r\n");
            return new Raw(status, response.substring(0, body), response.substring(body + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Raw(int status, String head, String body) {}

    @Override
    public void close() {
        clients.forEach(LiveClient::close);
        try {
            hub.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            clientVertx.close();
        }
    }
}
