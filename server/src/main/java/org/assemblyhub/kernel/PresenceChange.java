package org.assemblyhub.kernel;

/** A fact saying that a person's first socket opened or their last one closed (reactions may follow it). */
public interface PresenceChange {
    String personId();

    boolean connected();
}
