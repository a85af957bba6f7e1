package org.assemblyhub.assembly.domain;

/** A command that writes participant text into the journal: refused with {@code quota-exceeded} once the quota is used. */
public interface WritesText {}
