package org.assemblyhub.kernel;

/**
 * An event that erases a person's personal data: once it is durable, the engine deletes their key, so every copy of
 * their data in the journal becomes unreadable (see {@link PersonalData}).
 */
public interface ErasesPerson {
    String personId();
}
