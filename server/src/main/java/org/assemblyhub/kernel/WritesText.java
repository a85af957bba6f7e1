package org.assemblyhub.kernel;

/**
 * A command by which a participant writes into the journal: refused with {@code quota-exceeded} once the quota is used.
 */
public interface WritesText {}
