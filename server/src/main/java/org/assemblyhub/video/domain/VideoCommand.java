package org.assemblyhub.video.domain;

import org.assemblyhub.kernel.DomainCommand;

/** What an organiser asks of the plenary's picture and sound. */
public sealed interface VideoCommand extends DomainCommand {
    /** Sets the public live stream (checked on the wire), or clears it ({@code stream} null). */
    record SetLiveStream(LiveStream stream) implements VideoCommand {}

    /** Changes how calls start; a setting left null stays as it is. */
    record SetVideoDefaults(Boolean calls, Boolean camera, Boolean microphone) implements VideoCommand {}
}
