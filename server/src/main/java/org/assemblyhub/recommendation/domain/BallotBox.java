package org.assemblyhub.recommendation.domain;

import org.assemblyhub.kernel.agreement.AdoptionRule;
import org.assemblyhub.recommendation.domain.BallotEvent.*;

import java.io.Serializable;
import java.time.Instant;
import java.util.*;

/** The fold of {@link BallotEvent}s: each ballot's roll, marks, sealed choices, public chain and result. */
public final class BallotBox implements Serializable {
    private AdoptionRule defaultRule = AdoptionRule.DEFAULT;

    public static final class Ballot implements Serializable {
        private final BallotOpened opened;
        private final Set<String> roll = new HashSet<>();
        private final Set<String> voted = new HashSet<>();
        /** Person → {@link Trackers#owner} of the ballot of theirs that counts (absent in older journals). */
        private final Map<String, String> owners = new HashMap<>();

        private final List<AuditEntry> chain = new ArrayList<>();
        /** Every ballot that counts now: tracker → levels (sealed ones included). */
        private final Map<String, List<Integer>> live = new LinkedHashMap<>();
        /** Choices not yet in the public chain, by tracker (sorted: the order the chain will list them in). */
        private final Map<String, List<Integer>> sealed = new TreeMap<>();
        /** Trackers of the public chain (older journals put choices there as they came) replaced by a sealed choice. */
        private final Set<String> replacedInChain = new HashSet<>();

        private final Set<String> superseded = new HashSet<>();
        private boolean closed;
        private AuditEntry tallied;
        private int shownTurnout;
        private Instant shownAt;

        Ballot(BallotOpened opened) {
            this.opened = opened;
            this.roll.addAll(opened.roll());
            chain.add(opened.entry());
            this.shownAt = Instant.parse(opened.entry().fields().get("at"));
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

        /** The owner mark kept for this member's ballot that counts, if the journal has one. */
        public Optional<String> owner(String personId) {
            return Optional.ofNullable(owners.get(personId));
        }

        public int rollSize() {
            return roll.size();
        }

        /** How many members have voted (exact: for the count at closing, never shown while open). */
        public int turnout() {
            return voted.size();
        }

        /** The turnout everyone sees: while open, as of the last coarse update; once closed, exact. */
        public int shownTurnout() {
            return closed ? voted.size() : shownTurnout;
        }

        public Instant shownAt() {
            return shownAt;
        }

        /** The public chain: while the ballot is open, only its opening (choices are sealed until the close). */
        public List<AuditEntry> chain() {
            return List.copyOf(chain);
        }

        public AuditEntry head() {
            return chain.get(chain.size() - 1);
        }

        /** Ballots that count now: tracker → levels. */
        public Map<String, List<Integer>> live() {
            return Collections.unmodifiableMap(live);
        }

        Map<String, List<Integer>> sealed() {
            return Collections.unmodifiableMap(sealed);
        }

        Set<String> replacedInChain() {
            return Collections.unmodifiableSet(replacedInChain);
        }

        public boolean isSuperseded(String tracker) {
            return superseded.contains(tracker);
        }

        public Optional<AuditEntry> tallied() {
            return Optional.ofNullable(tallied);
        }

        /** The salt of the roll's fingerprint (organisers check the fingerprint with it), or null. */
        public String rollSalt() {
            return opened.rollSalt();
        }

        /** The roll's fingerprint as the chain last stated it (at the opening, or when a latecomer joined). */
        public String rollFingerprint() {
            for (int i = chain.size() - 1; i >= 0; i--) {
                String fingerprint = chain.get(i).fields().get("roll.fingerprint");
                if (fingerprint != null) return fingerprint;
            }
            return null;
        }

        /** The members on the roll now (those seated at the opening, and those who arrived before the close). */
        public List<String> roll() {
            return roll.stream().sorted().toList();
        }
    }

    private final Map<String, Ballot> ballots = new LinkedHashMap<>();

    /** The rule of a ballot opened without one: the assembly's, set by an organiser, else the protocol's. */
    public AdoptionRule defaultRule() {
        return defaultRule;
    }

    public void evolve(BallotEvent event) {
        if (event instanceof DefaultRuleSet e) {
            defaultRule = e.rule();
        } else if (event instanceof BallotOpened e) {
            ballots.put(e.ballotId(), new Ballot(e));
        } else if (event instanceof BallotVoted e) {
            ballot(e.ballotId()).ifPresent(b -> {
                b.voted.add(e.personId());
                if (e.owner() != null) b.owners.put(e.personId(), e.owner());
            });
        } else if (event instanceof ChoiceSealed e) {
            ballot(e.ballotId()).ifPresent(b -> seal(b, e));
        } else if (event instanceof TurnoutShown e) {
            ballot(e.ballotId()).ifPresent(b -> {
                b.shownTurnout = e.turnout();
                b.shownAt = e.at();
            });
        } else if (event instanceof VoterAdded e) {
            ballot(e.ballotId()).ifPresent(b -> b.roll.add(e.personId()));
        } else if (event instanceof BallotRecorded e) {
            ballot(e.ballotId()).ifPresent(b -> record(b, e.entry()));
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
    }

    private static void seal(Ballot b, ChoiceSealed e) {
        if (e.replaces() != null) {
            b.live.remove(e.replaces());
            b.superseded.add(e.replaces());
            if (b.sealed.remove(e.replaces()) == null) b.replacedInChain.add(e.replaces());
        }
        b.live.put(e.tracker(), List.copyOf(e.levels()));
        b.sealed.put(e.tracker(), List.copyOf(e.levels()));
    }

    private static void record(Ballot b, AuditEntry entry) {
        b.chain.add(entry);
        String tracker = entry.fields().get("tracker");
        switch (entry.type()) {
            case BallotChain.ACCEPTED -> {
                // At the close a sealed choice enters the chain (already live); older journals accepted choices here.
                if (b.sealed.remove(tracker) == null)
                    b.live.put(tracker, Trackers.parseChoice(entry.fields().get("choice")));
            }
            case BallotChain.SUPERSEDED -> {
                b.live.remove(tracker);
                b.superseded.add(tracker);
                b.replacedInChain.remove(tracker);
            }
            case BallotChain.ROLL_EXTENDED -> {
                // the roll itself grew with the VoterAdded that came with this link
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
        return ballots.values().stream().filter(Ballot::isOpen).anyMatch(b -> b.spec().items().stream()
                .anyMatch(i -> i.draftId().equals(draftId)));
    }

    /** Whether an open ballot's turnout moved since it was last shown (the next tick will show it). */
    public boolean turnoutToShow() {
        return ballots.values().stream().anyMatch(b -> b.isOpen() && b.turnout() != b.shownTurnout);
    }
}
