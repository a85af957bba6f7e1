package org.assemblyhub.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for tests (Debian's, installed by {@code ./hub test}): on a free loopback port with a
 * data directory of its own, append-only file on. It can be stopped cleanly, killed with SIGKILL and started again on
 * the same port with the same data, as an operator's Redis would be.
 */
public final class RedisServer implements AutoCloseable {
    public static final String BINARY = "/usr/bin/redis-server";

    private final int port;
    private final Path dir;
    private final String appendfsync;
    private final boolean appendonly;
    private Process process;

    private RedisServer(int port, Path dir, boolean appendonly, String appendfsync) {
        this.port = port;
        this.dir = dir;
        this.appendonly = appendonly;
        this.appendfsync = appendfsync;
    }

    /** A durable Redis: {@code appendonly yes}, {@code appendfsync always}. */
    public static RedisServer durable() {
        return started(true, "always");
    }

    /** A Redis with the given persistence settings (to test that the hub refuses weaker ones). */
    public static RedisServer started(boolean appendonly, String appendfsync) {
        try {
            RedisServer server = new RedisServer(
                    TestHub.freePort(), Files.createTempDirectory("redis-test"), appendonly, appendfsync);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it (again) on the same port with the same data, and waits until it answers PING (data loaded). */
    public synchronized void start() {
        if (process != null && process.isAlive()) return;
        List<String> command = new ArrayList<>(List.of(
                BINARY,
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                dir.toString(),
                "--appendonly",
                appendonly ? "yes" : "no",
                "--appendfsync",
                appendfsync,
                "--save",
                "",
                "--daemonize",
                "no",
                "--logfile",
                dir.resolve("redis.log").toString()));
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.out").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + BINARY + " (./hub test installs it)", e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!answersPing()) {
            if (!process.isAlive()) throw new IllegalStateException("redis-server exited: " + log());
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("redis-server not ready: " + log());
            pause();
        }
    }

    /** A clean stop: Redis writes what it has and exits (SIGTERM). */
    public synchronized void stop() {
        end(false);
    }

    /** SIGKILL: Redis gets no chance to write anything more than it already had. */
    public synchronized void kill() {
        end(true);
    }

    /** SIGSTOP: Redis stops answering without closing a connection, as a frozen or cut-off server does. */
    public synchronized void freeze() {
        signal("-STOP");
    }

    /** SIGCONT: Redis runs again, starting with what it had received while frozen. */
    public synchronized void thaw() {
        signal("-CONT");
    }

    private void signal(String which) {
        try {
            Process kill = new ProcessBuilder("kill", which, Long.toString(process.pid()))
                    .inheritIO()
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0)
                throw new IllegalStateException("kill " + which + " failed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    private void end(boolean force) {
        if (process == null) return;
        if (process.isAlive()) signal("-CONT"); // a frozen Redis would not act on SIGTERM
        if (force) process.destroyForcibly();
        else process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Runs one command through a plain socket (RESP) and returns the first line of the reply. */
    public String call(String... words) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
            for (String word : words) {
                request.append('$')
                        .append(word.getBytes(StandardCharsets.UTF_8).length)
                        .append("\r\n")
                        .append(word)
                        .append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) line.append((char) c);
            return line.toString();
        }
    }

    private boolean answersPing() {
        try {
            return "+PONG".equals(call("PING"));
        } catch (IOException e) {
            return false;
        }
    }

    private String log() {
        try {
            Path log = dir.resolve("redis.log");
            return Files.exists(log) ? Files.readString(log) : Files.readString(dir.resolve("redis.out"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }
}
