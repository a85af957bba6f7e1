package org.assemblyhub.breakout.workspace;

/** Where a person sits while a round is open: its number, their group, and whether they facilitate it. */
public record Seat(int round, int group, boolean facilitator) {}
