package org.assemblyhub.decision.domain;

import org.assemblyhub.decision.domain.BallotEvent.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The fold of {@link BallotEvent}s: each ballot's roll, marks, chain, live ballots and result. */
public final class BallotBox implements java.io.Serializable {
    public static final class Ballot implements java.io.Serializable {
        private final BallotOpened opened;
        private final Set<String> roll;
        private final Set<String> voted = new HashSet<>();
        private final List<AuditEntry> chain = new ArrayList<>();
        private final Map<String, List<Integer>> live = new LinkedHashMap<>();
        private final Set<String> superseded = new HashSet<>();
        private boolean closed;
        private AuditEntry tallied;

        Ballot(BallotOpened opened) {
            this.opened = opened;
            this.roll = Set.copyOf(opened.roll());
            chain.add(opened.entry());
        }

        public String id() {
            return opened.ballotId();
        }

        public BallotSpec spec() {
            return opened.spec();
        }

        public boolean isOpen() {
            return !closed;
        }

        public boolean onRoll(String personId) {
            return roll.contains(personId);
        }

        public boolean hasVoted(String personId) {
            return voted.contains(personId);
        }

        public int rollSize() {
            return roll.size();
        }

        public int turnout() {
            return voted.size();
        }

        public List<AuditEntry> chain() {
            return List.copyOf(chain);
        }

        public AuditEntry head() {
            return chain.get(chain.size() - 1);
        }

        /** Ballots that count now: tracker → levels. */
        public Map<String, List<Integer>> live() {
            return java.util.Collections.unmodifiableMap(live);
        }

        public boolean isSuperseded(String tracker) {
            return superseded.contains(tracker);
        }

        public Optional<AuditEntry> tallied() {
            return Optional.ofNullable(tallied);
        }

        public String rollFingerprint() {
            return opened.entry().fields().get("roll.fingerprint");
        }
    }

    private final Map<String, Ballot> ballots = new LinkedHashMap<>();

    public void evolve(BallotEvent event) {
        if (event instanceof BallotOpened e) {
            ballots.put(e.ballotId(), new Ballot(e));
        } else if (event instanceof BallotVoted e) {
            ballot(e.ballotId()).ifPresent(b -> b.voted.add(e.personId()));
        } else if (event instanceof BallotRecorded e) {
            ballot(e.ballotId()).ifPresent(b -> record(b, e.entry()));
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
    }

    private static void record(Ballot b, AuditEntry entry) {
        b.chain.add(entry);
        String tracker = entry.fields().get("tracker");
        switch (entry.type()) {
            case BallotChain.ACCEPTED -> b.live.put(tracker, Trackers.parseChoice(entry.fields().get("choice")));
            case BallotChain.SUPERSEDED -> {
                b.live.remove(tracker);
                b.superseded.add(tracker);
            }
            case BallotChain.CLOSED -> b.closed = true;
            case BallotChain.TALLIED -> b.tallied = entry;
            default -> throw new IllegalArgumentException("unknown audit entry " + entry.type());
        }
    }

    public Optional<Ballot> ballot(String id) {
        return Optional.ofNullable(ballots.get(id));
    }

    public List<Ballot> all() {
        return List.copyOf(ballots.values());
    }

    public int count() {
        return ballots.size();
    }

    /** Open ballots that put this draft to the vote (a draft under a ballot is not amended). */
    public boolean underVote(String draftId) {
        return ballots.values().stream().filter(Ballot::isOpen)
                .anyMatch(b -> b.spec().items().stream().anyMatch(i -> i.draftId().equals(draftId)));
    }
}
