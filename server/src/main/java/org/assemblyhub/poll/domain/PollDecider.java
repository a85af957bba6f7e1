package org.assemblyhub.poll.domain;

import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.poll.domain.PollCommand.*;
import org.assemblyhub.poll.domain.PollEvent.*;

import java.time.Instant;
import java.util.List;

/**
 * decide(polls, who, command, now). The lead (or an organiser) opens and closes any poll; a group's facilitator opens
 * polls for their own group only, and closes them. Only people on the poll's roll answer, while it is open; a new
 * answer replaces the person's previous one.
 */
public final class PollDecider {
    private PollDecider() {}

    /**
     * Who a poll asks when its opener did not say: everyone for the lead, their own group for a group's facilitator
     * (who may also name it). Anything else they name is left as it is, and {@link #open} refuses it.
     */
    public static PollSpec withDefaultVoters(Acting who, PollSpec spec) {
        if (spec.voters() == null) {
            return who.leads() || who.facilitatedGroup() == 0
                    ? spec.withVoters(PollSpec.Voters.EVERYONE, 0)
                    : spec.withVoters(PollSpec.Voters.GROUP, who.facilitatedGroup());
        }
        if (spec.voters() == PollSpec.Voters.GROUP && spec.group() == 0 && !who.leads()) {
            return spec.withVoters(PollSpec.Voters.GROUP, who.facilitatedGroup());
        }
        return spec;
    }

    public static Verdict open(Polls polls, Acting who, PollSpec spec, List<String> roll, Instant now) {
        if (!who.leads() && who.facilitatedGroup() == 0) {
            return Verdict.reject(
                    "forbidden", "Only the lead facilitator, or a group's facilitator for their group, opens a poll.");
        }
        if (!who.leads() && spec.voters() != PollSpec.Voters.GROUP) {
            return Verdict.reject("forbidden", "A group's facilitator opens polls for their own group only.");
        }
        if (!who.leads() && spec.group() != who.facilitatedGroup()) {
            return Verdict.reject(
                    "not-your-group",
                    "You facilitate group " + who.facilitatedGroup() + ": open polls for that group only.");
        }
        if (!who.leads() && spec.inGroups())
            return Verdict.reject("forbidden", "Only the lead facilitator runs a round in every group.");
        if (spec.voters() == PollSpec.Voters.GROUP && spec.group() < 1)
            return Verdict.reject("invalid-poll", "Say which group this poll asks.");
        String problem = spec.problem();
        if (problem != null) return Verdict.reject("invalid-poll", problem);
        if (roll.isEmpty())
            return Verdict.reject("nobody-to-ask", "Nobody can answer this poll: there is no one on its roll.");
        int round = spec.kind().isAgreement() ? polls.roundsOn(Polls.subjectKey(spec)) + 1 : 0;
        Instant closesAt = spec.minutes() > 0 ? now.plusSeconds(60L * spec.minutes()) : null;
        int breakoutRound = spec.voters() == PollSpec.Voters.GROUP || spec.inGroups() ? who.round() : 0;
        return Verdict.accept(new PollOpened(
                "p" + (polls.count() + 1),
                spec,
                List.copyOf(roll),
                round,
                who.personId(),
                now,
                closesAt,
                breakoutRound));
    }

    public static Verdict answer(Polls polls, Acting who, AnswerPoll c, Instant now) {
        Polls.Poll poll = polls.poll(c.pollId()).orElse(null);
        if (poll == null) return Verdict.reject("no-such-poll", "There is no such poll.");
        if (!poll.isOpen()) return Verdict.reject("poll-closed", "This poll is closed: answers are no longer taken.");
        if (who.personId() == null || !poll.onRoll(who.personId())) {
            return Verdict.reject("not-on-roll", "You are not among the people this poll asks.");
        }
        if (c.answer() == null) return Verdict.reject("invalid-answer", "The answer is missing.");
        String problem = c.answer().problemFor(poll.spec());
        if (problem != null) return Verdict.reject("invalid-answer", problem);
        Answer a = c.answer();
        String text = a.text() == null ? null : a.text().strip();
        Answer answer = new Answer(a.choices(), a.value(), text == null || text.isEmpty() ? null : text);
        boolean same = poll.answers().stream()
                .anyMatch(p -> p.personId().equals(who.personId()) && p.answer().equals(answer));
        if (same) return Verdict.accept(); // the same answer again records nothing
        return Verdict.accept(new PollAnswered(poll.id(), who.personId(), who.seatedGroup(), answer, now));
    }

    public static Verdict close(Polls polls, Acting who, ClosePoll c, Instant now) {
        Polls.Poll poll = polls.poll(c.pollId()).orElse(null);
        if (poll == null) return Verdict.reject("no-such-poll", "There is no such poll.");
        if (!poll.isOpen()) return Verdict.reject("poll-closed", "This poll is already closed.");
        boolean own = poll.spec().voters() == PollSpec.Voters.GROUP
                && poll.spec().group() == who.facilitatedGroup()
                && poll.opened().breakoutRound() == who.round()
                && who.facilitatedGroup() > 0;
        if (!who.leads() && !who.isHub() && !own)
            return Verdict.reject("forbidden", "Only the lead facilitator closes this poll.");
        if (who.isHub()
                && poll.opened().closesAt() != null
                && now.isBefore(poll.opened().closesAt())
                && !poll.spec().fromScript()) {
            return Verdict.reject("not-due", "This poll's time is not up.");
        }
        return Verdict.accept(new PollClosed(poll.id(), now, who.isHub() ? null : who.personId()));
    }
}
