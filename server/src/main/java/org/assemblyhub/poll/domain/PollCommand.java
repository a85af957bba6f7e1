package org.assemblyhub.poll.domain;

import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.WritesText;

/** Requests about polls and consensus rounds. */
public sealed interface PollCommand extends DomainCommand {
    record OpenPoll(PollSpec spec) implements PollCommand {}

    record AnswerPoll(String pollId, Answer answer) implements PollCommand, WritesText {}

    record ClosePoll(String pollId) implements PollCommand {}
}
