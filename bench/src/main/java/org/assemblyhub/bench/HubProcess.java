package org.assemblyhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the hub jar for a scenario: a fresh data directory, loopback only, per-address limits lifted. */
final class HubProcess {
    private HubProcess() {}

    /** The hub on {@code port}, its output in {@code <label>.log} under {@code work}. */
    static JvmProcess start(Path hubJar, Path work, List<String> jvm, int port, String label) throws IOException {
        return start(hubJar, work, jvm, port, label, List.of());
    }

    /** The same with {@code extra} arguments for the hub ({@code --observer-port N}). */
    static JvmProcess start(Path hubJar, Path work, List<String> jvm, int port, String label, List<String> extra)
            throws IOException {
        Path data = Files.createTempDirectory(work, "hub-data-");
        List<String> args = new ArrayList<>(List.of(
                "-jar",
                hubJar.toString(),
                "--port",
                String.valueOf(port),
                "--host",
                "127.0.0.1",
                "--data",
                data.toString()));
        args.addAll(extra);
        return JvmProcess.start(
                jvm,
                args,
                Map.of(
                        "HUB_BOOTSTRAP_TOKEN", AssemblyRun.BOOTSTRAP,
                        "HUB_COMMANDS_PER_SECOND", "50",
                        // every simulated person connects from 127.0.0.1: lift the per-address limits
                        "HUB_SOCKETS_PER_ADDRESS", "100000",
                        "HUB_HTTP_PER_SECOND", "100000"),
                work.resolve(label + ".log"));
    }
}
