package org.assemblyhub.outreach.domain;

import java.util.Optional;

/**
 * A bounce that came back by mail after the SMTP server had taken the message: which assembly's message (from the
 * Message-ID the hub gave it, {@code <message.assembly@host>}), to whom, and the reporting server's words.
 */
public record LateBounce(String assemblyId, String messageId, String recipient, String reason) {
    /** The most of a server's words kept (they can be long, and a bounce is shown in the organiser's log). */
    public static final int MAX_REASON = 300;

    /**
     * The bounce of the hub's message named by {@code messageIdHeader}; empty when the header is not one the hub
     * makes (a report about some other mail).
     */
    public static Optional<LateBounce> of(String messageIdHeader, String recipient, String reason) {
        if (messageIdHeader == null) return Optional.empty();
        String id = messageIdHeader.trim();
        if (!id.startsWith("<") || !id.endsWith(">")) return Optional.empty();
        id = id.substring(1, id.length() - 1);
        int at = id.lastIndexOf('@');
        if (at < 0) return Optional.empty();
        String local = id.substring(0, at);
        int dot = local.lastIndexOf('.');
        if (dot <= 0 || dot == local.length() - 1) return Optional.empty();
        String assembly = local.substring(dot + 1);
        if (!assembly.matches("[a-z0-9][a-z0-9-]{0,62}")) return Optional.empty();
        String said = reason == null ? "" : reason.strip();
        if (said.length() > MAX_REASON) said = said.substring(0, MAX_REASON);
        return Optional.of(new LateBounce(assembly, local.substring(0, dot), recipient, said));
    }
}
