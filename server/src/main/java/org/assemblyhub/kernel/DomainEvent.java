package org.assemblyhub.kernel;

import java.io.Serializable;

/**
 * Any fact recorded in an assembly's journal. Each capability seals its own family of events under this marker
 * ({@link AssemblyEvent} here, {@code SessionEvent} in live): one journal, one seq, several owners.
 */
public interface DomainEvent extends Serializable {}
