package org.assemblyhub.kernel;

/**
 * What the engine itself says about sockets: a person's first socket opened or last one closed, and — at start — that
 * nobody is connected any more. Only the hub sends these; the capability that owns the roster decides them.
 */
public sealed interface Presence extends DomainCommand {
    record Mark(String personId, boolean connected) implements Presence {}

    record Reset() implements Presence {}
}
