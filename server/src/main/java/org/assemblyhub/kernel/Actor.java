package org.assemblyhub.kernel;

/**
 * Who sends a command. {@code personId} is null for the hub itself (bootstrap, presence tracking) and for anonymous
 * public observers.
 */
public record Actor(String personId, Role role) {
    public static final Actor HUB = new Actor(null, Role.ORGANISER);

    public static Actor person(String personId, Role role) {
        return new Actor(personId, role);
    }

    public static Actor publicObserver() {
        return new Actor(null, Role.OBSERVER);
    }

    public boolean isHub() {
        return this == HUB;
    }
}
