package org.assemblyhub.engine;

/** Where an assembly's journal stands: its last seq and the hash-chain head there (see JournalChain). */
record JournalPosition(long seq, String head) {}
