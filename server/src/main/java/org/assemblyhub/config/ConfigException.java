package org.assemblyhub.config;

/** A configuration value that cannot be used; the message says which setting, what was given and what is expected. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
