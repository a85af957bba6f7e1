package org.assemblyhub.sortition.desk;

/**
 * Where the desk's steps are asked for. An assembly's desk lives on the node that owns the assembly — one run, one
 * progress, one step at a time — and any node's HTTP API forwards an organiser's request to {@link #home}, which the
 * owner's engine serves and hands to {@link #STEPS} on its own node.
 */
public final class DeskAddresses {
    /** The owner's gateways take the steps here (a local consumer on each node). */
    public static final String STEPS = "sortition.desk.steps";

    /** How long a step may take, a commitment's rounding (up to a minute) and its record included. */
    public static final long TIMEOUT_MS = 180_000;

    private DeskAddresses() {}

    /** The assembly's desk, registered by its engine wherever that runs. */
    public static String home(String assemblyId) {
        return "sortition.desk." + assemblyId;
    }
}
