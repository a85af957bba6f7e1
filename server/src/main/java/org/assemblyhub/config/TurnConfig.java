package org.assemblyhub.config;

/**
 * How browsers authenticate to the TURN servers named in {@code iceServers}, and whether calls must go through them.
 * Either static credentials ({@code turnUsername} + {@code turnCredential}) or coturn's shared secret
 * ({@code turnSecret}, its {@code static-auth-secret} with {@code use-auth-secret}): then the hub hands each person
 * credentials of their own that expire after {@link #CREDENTIAL_HOURS} hours, and the secret never leaves the hub.
 *
 * @param relayOnly browsers use relayed candidates only ({@code iceTransportPolicy: 'relay'}): peers see the TURN
 *                  server's address, never each other's
 */
public record TurnConfig(String username, String credential, String secret, boolean relayOnly) {
    public static final TurnConfig NONE = new TurnConfig(null, null, null, false);
    /** Longer than any live session: a call's TURN allocation is refreshed with the same credentials. */
    public static final int CREDENTIAL_HOURS = 12;

    public TurnConfig {
        username = blankToNull(username);
        credential = blankToNull(credential);
        secret = blankToNull(secret);
        if ((username == null) != (credential == null)) {
            throw new ConfigException("turnUsername and turnCredential go together (both or neither)");
        }
        if (secret != null && username != null) {
            throw new ConfigException(
                    "give either turnSecret (credentials made per person) or turnUsername/turnCredential, not both");
        }
        if (secret != null && secret.length() < 16) {
            throw new ConfigException("turnSecret must be at least 16 characters (it is coturn's static-auth-secret)");
        }
    }

    public boolean hasCredentials() {
        return username != null || secret != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
