package org.assemblyhub.kernel;

/** What a person is in an assembly. Decides which commands they may send and which audience view they receive. */
public enum Role {
    ORGANISER,
    FACILITATOR,
    MEMBER,
    OBSERVER,
    EXPERT;

    /** Parses the spelling used in roster files and on the wire ("member", "Facilitator"...); null when unknown. */
    public static Role parse(String text) {
        if (text == null) return null;
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text.trim())) return role;
        }
        return null;
    }

    public String wire() {
        return name().toLowerCase();
    }
}
