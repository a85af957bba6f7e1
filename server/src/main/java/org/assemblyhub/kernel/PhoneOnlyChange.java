package org.assemblyhub.kernel;

/** A fact saying that a member now takes part by telephone only, or no longer (a phone-only member is seated). */
public interface PhoneOnlyChange {
    String personId();

    boolean phoneOnly();
}
