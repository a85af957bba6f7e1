package org.assemblyhub.kernel;

/**
 * One of the views an assembly is projected into (DESIGN.md §7): a kind, and for members and facilitators inside a
 * breakout round, their group ({@code member@3}). Every socket belongs to exactly one audience; a view change is
 * serialised once per audience and the same text goes to all its sockets.
 */
public record Audience(Kind kind, int group) {
    /**
     * LEAD: the appointed lead facilitator — a facilitator's view plus the whole breakout desk, with names. EXPERT: an
     * expert in the plenary — what observers see, plus the questions put to the experts.
     */
    public enum Kind {
        OBSERVER,
        EXPERT,
        MEMBER,
        FACILITATOR,
        LEAD,
        ORGANISER
    }

    public static final Audience OBSERVER = new Audience(Kind.OBSERVER, 0);
    public static final Audience MEMBER = new Audience(Kind.MEMBER, 0);
    public static final Audience FACILITATOR = new Audience(Kind.FACILITATOR, 0);
    public static final Audience ORGANISER = new Audience(Kind.ORGANISER, 0);
    public static final Audience LEAD = new Audience(Kind.LEAD, 0);
    public static final Audience EXPERT = new Audience(Kind.EXPERT, 0);
    public static final Audience[] PLENARY = {OBSERVER, MEMBER, FACILITATOR, LEAD, ORGANISER, EXPERT};

    public static Audience of(Role role) {
        return switch (role) {
            case ORGANISER -> ORGANISER;
            case FACILITATOR -> FACILITATOR;
            case MEMBER -> MEMBER;
            case OBSERVER -> OBSERVER;
            case EXPERT -> EXPERT;
        };
    }

    /** The same kind inside group {@code number} (members and facilitators only; others stay in the plenary). */
    public Audience inGroup(int number) {
        return kind == Kind.MEMBER || kind == Kind.FACILITATOR ? new Audience(kind, number) : this;
    }

    /** Watches without taking part: observers, and experts in the plenary (they see what observers see). */
    public boolean onlooker() {
        return kind == Kind.OBSERVER || kind == Kind.EXPERT;
    }

    public boolean inGroup() {
        return group > 0;
    }

    public static Audience parse(String text) {
        if (text == null) return null;
        int at = text.indexOf('@');
        String kind = at < 0 ? text : text.substring(0, at);
        for (Kind k : Kind.values()) {
            if (k.name().toLowerCase().equals(kind)) {
                if (at < 0) return new Audience(k, 0);
                try {
                    int group = Integer.parseInt(text.substring(at + 1));
                    return group > 0 && (k == Kind.MEMBER || k == Kind.FACILITATOR) ? new Audience(k, group) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    public String wire() {
        return kind.name().toLowerCase() + (group > 0 ? "@" + group : "");
    }
}
