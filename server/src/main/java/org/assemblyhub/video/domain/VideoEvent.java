package org.assemblyhub.video.domain;

import org.assemblyhub.kernel.DomainEvent;

/** Facts about the plenary's public picture and sound (calls themselves are never recorded). */
public sealed interface VideoEvent extends DomainEvent {
    /** {@code kind}: hls or embed. */
    record LiveStreamSet(String url, String kind, String origin, boolean captions) implements VideoEvent {}

    record LiveStreamCleared() implements VideoEvent {}
}
