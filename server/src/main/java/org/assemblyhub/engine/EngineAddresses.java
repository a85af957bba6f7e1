package org.assemblyhub.engine;

/** Event-bus addresses of the live core, declared once. */
public final class EngineAddresses {
    /** The registry of assemblies: create, list. */
    public static final String REGISTRY = "assembly.registry";

    /**
     * Header of the message an engine publishes on {@link #out} as it starts: sockets that followed the assembly on a
     * previous owner join again.
     */
    public static final String RESTARTED = "restarted";

    private EngineAddresses() {}

    /**
     * Requests to one assembly's engine (its single writer): header {@code op} = command, join, leave, sync, identify,
     * summary.
     */
    public static String engine(String assemblyId) {
        return "assembly." + assemblyId + ".engine";
    }

    /** What the engine pushes to gateways: audience messages (header {@code aud}) and kicks (header {@code kick}). */
    public static String out(String assemblyId) {
        return "assembly." + assemblyId + ".out";
    }
}
