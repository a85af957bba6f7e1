package org.assemblyhub.kernel;

/**
 * A part of an event that is someone's personal data: the journal keeps it sealed under that person's key, and once
 * the person is erased (their key deleted) the event reads back with {@code erased} in its place. {@code pointer}: a
 * JSON pointer into the event as recorded (its components by name, list items by index).
 */
public record PersonalField(String personId, String pointer, Object erased) {}
