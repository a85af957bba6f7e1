package org.assemblyhub.kernel;

/** A command that stands for several senders' commands decided together, each with its own answer (ballot casts). */
public interface Pooled extends DomainCommand {
    int size();
}
