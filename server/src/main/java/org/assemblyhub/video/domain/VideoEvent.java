package org.assemblyhub.video.domain;

import org.assemblyhub.kernel.ChangesIdentity;
import org.assemblyhub.kernel.DomainEvent;

/** Facts about the plenary's public picture and sound (calls themselves are never recorded). */
public sealed interface VideoEvent extends DomainEvent {
    /** {@code kind}: hls or embed. */
    record LiveStreamSet(String url, String kind, String origin, boolean captions) implements VideoEvent {}

    record LiveStreamCleared() implements VideoEvent {}

    /**
     * How the assembly's calls start from now on ({@link VideoDefaults}): every participant's identity says it, so
     * their sockets identify again.
     */
    record VideoDefaultsSet(boolean calls, boolean camera, boolean microphone) implements VideoEvent, ChangesIdentity {
        @Override
        public String personId() {
            return EVERYONE;
        }
    }
}
