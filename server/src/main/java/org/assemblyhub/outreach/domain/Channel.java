package org.assemblyhub.outreach.domain;

/** How a message reaches its person: e-mail through SMTP, or a text message through the SMS gateway. */
public enum Channel {
    EMAIL("email"),
    SMS("sms");

    private final String wire;

    Channel(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Channel parse(String wire) {
        for (Channel c : values()) if (c.wire.equals(wire)) return c;
        throw new IllegalArgumentException("unknown channel " + wire);
    }
}
