package org.assemblyhub.kernel;

/** Any request to an assembly; each capability seals its own family under this marker, like {@link DomainEvent}. */
public interface DomainCommand {}
