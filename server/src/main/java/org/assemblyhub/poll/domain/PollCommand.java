package org.assemblyhub.poll.domain;

import org.assemblyhub.assembly.domain.DomainCommand;

/** Requests about polls and consensus rounds. */
public sealed interface PollCommand extends DomainCommand {
    record OpenPoll(PollSpec spec) implements PollCommand {}

    record AnswerPoll(String pollId, Answer answer) implements PollCommand, org.assemblyhub.assembly.domain.WritesText {}

    record ClosePoll(String pollId) implements PollCommand {}
}
