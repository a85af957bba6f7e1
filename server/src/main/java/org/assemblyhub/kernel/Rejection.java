package org.assemblyhub.kernel;

/**
 * Why a command was refused: a stable machine code (documented in docs/protocol.md) and a sentence a person can act on.
 * Expected refusals are answers, not exceptions.
 */
public record Rejection(String code, String message) {
    public static Rejection of(String code, String message) {
        return new Rejection(code, message);
    }
}
