package org.assemblyhub.organisation.domain;

/** An administrator of an organisation: their name and the hash of their link's token (never the token). */
public record Admin(String id, String name, String tokenHash) {}
