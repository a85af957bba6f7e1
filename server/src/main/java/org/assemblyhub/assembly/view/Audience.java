package org.assemblyhub.assembly.view;

import org.assemblyhub.assembly.domain.Role;

/**
 * The few views an assembly is projected into (DESIGN.md §7). Every socket belongs to exactly one; a view change is
 * serialised once per audience and the same text goes to all its sockets.
 */
public enum Audience {
    OBSERVER, MEMBER, FACILITATOR, ORGANISER;

    public static Audience of(Role role) {
        return switch (role) {
            case ORGANISER -> ORGANISER;
            case FACILITATOR -> FACILITATOR;
            case MEMBER -> MEMBER;
            case OBSERVER, EXPERT -> OBSERVER;
        };
    }

    public static Audience parse(String text) {
        for (Audience a : values()) if (a.wire().equals(text)) return a;
        return null;
    }

    public String wire() {
        return name().toLowerCase();
    }
}
