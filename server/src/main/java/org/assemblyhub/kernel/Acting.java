package org.assemblyhub.kernel;

/**
 * Who is acting, and in what capacity — the one shape every decider reads. Built by the engine for each command from
 * the ports ({@link Roster}, {@link Agenda}, {@link Seating}), so no decider has to work it out for itself.
 *
 * @param leads           an organiser, or the appointed lead facilitator
 * @param seatedGroup     the breakout group this person sits in now (0: none)
 * @param facilitatedGroup the open group this person facilitates now (0: none)
 * @param round           the current breakout round (0: none yet)
 */
public record Acting(Actor actor, boolean leads, int seatedGroup, int facilitatedGroup, int round) {
    public String personId() {
        return actor.personId();
    }

    public Role role() {
        return actor.role();
    }

    public boolean isHub() {
        return actor.isHub();
    }

    public static Acting hub() {
        return new Acting(Actor.HUB, true, 0, 0, 0);
    }
}
