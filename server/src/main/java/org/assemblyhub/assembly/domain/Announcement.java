package org.assemblyhub.assembly.domain;

import java.io.Serializable;
import java.time.Instant;

/** A message from the organisers to everyone in the assembly. */
public record Announcement(String id, String text, String byPersonId, Instant at) implements Serializable {}
