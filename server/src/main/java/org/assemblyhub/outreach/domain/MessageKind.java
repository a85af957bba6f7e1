package org.assemblyhub.outreach.domain;

/** What a message is for; its wire name is also the prefix of its texts in the letters' files. */
public enum MessageKind {
    INVITATION("invitation"),
    REMINDER_DAY("reminder-day"),
    REMINDER_HOUR("reminder-hour"),
    RESULTS("results");

    private final String wire;

    MessageKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean isReminder() {
        return this == REMINDER_DAY || this == REMINDER_HOUR;
    }

    public static MessageKind parse(String wire) {
        for (MessageKind k : values()) if (k.wire.equals(wire)) return k;
        throw new IllegalArgumentException("unknown message kind " + wire);
    }
}
