package org.assemblyhub.kernel;

/**
 * An event that changes who a person is to the hub (their role, their name): their open sockets identify again, so
 * that what they may do and see follows at once — a socket never acts on a role it no longer has.
 */
public interface ChangesIdentity {
    /** Everyone invited (not anonymous observers): a change to what every participant's identity says. */
    String EVERYONE = "*";

    /** The person whose identity changed, or {@link #EVERYONE}. */
    String personId();
}
