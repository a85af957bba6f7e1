package org.assemblyhub.poll.domain;

import org.assemblyhub.poll.domain.PollEvent.*;

import java.io.Serializable;
import java.time.Instant;
import java.util.*;

/** The fold of {@link PollEvent}s: every poll and round of the assembly, open or closed, with its answers. */
public final class Polls implements Serializable {
    /** One poll as it stands. */
    public static final class Poll implements Serializable {
        private final PollOpened opened;
        private final Set<String> roll;
        private final Map<String, PollAnswered> answers = new LinkedHashMap<>();
        private PollClosed closed;

        Poll(PollOpened opened) {
            this.opened = opened;
            this.roll = Set.copyOf(opened.roll());
        }

        public String id() {
            return opened.pollId();
        }

        public PollSpec spec() {
            return opened.spec();
        }

        public PollOpened opened() {
            return opened;
        }

        public boolean isOpen() {
            return closed == null;
        }

        public Optional<PollClosed> closed() {
            return Optional.ofNullable(closed);
        }

        public boolean onRoll(String personId) {
            return roll.contains(personId);
        }

        public int eligible() {
            return roll.size();
        }

        /** The answer that counts for each person (their last), in the order people first answered. */
        public Collection<PollAnswered> answers() {
            return answers.values();
        }
    }

    private final Map<String, Poll> polls = new LinkedHashMap<>();

    public void evolve(PollEvent event) {
        if (event instanceof PollOpened e) {
            polls.put(e.pollId(), new Poll(e));
        } else if (event instanceof PollAnswered e) {
            Poll poll = polls.get(e.pollId());
            if (poll != null) {
                poll.answers.remove(e.personId()); // a changed answer moves to the end, like a new one
                poll.answers.put(e.personId(), e);
            }
        } else if (event instanceof PollClosed e) {
            Poll poll = polls.get(e.pollId());
            if (poll != null) poll.closed = e;
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
    }

    public Optional<Poll> poll(String id) {
        return Optional.ofNullable(polls.get(id));
    }

    public List<Poll> all() {
        return List.copyOf(polls.values());
    }

    public List<Poll> open() {
        return polls.values().stream().filter(Poll::isOpen).toList();
    }

    public int count() {
        return polls.size();
    }

    /** The rounds already held on a subject (a draft id, or the statement's text). */
    public int roundsOn(String subjectKey) {
        return (int) polls.values().stream()
                .filter(p -> p.spec().kind().isAgreement() && subjectKey.equals(subjectKey(p.spec())))
                .count();
    }

    public static String subjectKey(PollSpec spec) {
        return spec.subject() != null
                ? "draft:" + spec.subject()
                : "text:" + spec.question().strip();
    }

    /** The earliest timer of an open poll. */
    public Optional<Instant> nextDeadline() {
        return polls.values().stream()
                .filter(Poll::isOpen)
                .map(p -> p.opened.closesAt())
                .filter(Objects::nonNull)
                .min(Instant::compareTo);
    }
}
