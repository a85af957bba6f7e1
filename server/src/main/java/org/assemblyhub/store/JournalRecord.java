package org.assemblyhub.store;

/** One entry of an assembly's journal: its position (1, 2, 3... without gaps) and opaque bytes (an encoded event). */
public record JournalRecord(long seq, byte[] data) {}
