package org.assemblyhub.recommendation;

import static org.assemblyhub.testing.Given.LEAD;
import static org.assemblyhub.testing.Given.MEMBER;
import static org.assemblyhub.testing.Given.givenAnAssembly;
import static org.assemblyhub.testing.Given.present;
import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.assembly.domain.AssemblyEvent.PhaseChanged;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.Presence;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.agreement.AdoptionRule;
import org.assemblyhub.kernel.agreement.Fraction;
import org.assemblyhub.recommendation.domain.Analysis;
import org.assemblyhub.recommendation.domain.BallotCommand.CastBallot;
import org.assemblyhub.recommendation.domain.BallotCommand.OpenBallot;
import org.assemblyhub.recommendation.domain.BallotCommand.SetDefaultRule;
import org.assemblyhub.recommendation.domain.BallotCommand.ShowTurnout;
import org.assemblyhub.recommendation.domain.BallotCommand.Standing;
import org.assemblyhub.recommendation.domain.BallotEvent.BallotOpened;
import org.assemblyhub.recommendation.domain.BallotEvent.DefaultRuleSet;
import org.assemblyhub.recommendation.domain.BallotEvent.VoterAdded;
import org.assemblyhub.recommendation.domain.DraftCommand.ProposeDraft;
import org.assemblyhub.recommendation.domain.DraftEvent.DraftProposed;
import org.assemblyhub.recommendation.domain.Recommendations;
import org.assemblyhub.session.domain.SessionEvent.LeadAppointed;
import org.assemblyhub.testing.Given;
import org.junit.jupiter.api.Test;

import java.util.List;

class RecommendationCapabilityTest {
    static final Analysis ANALYSIS = new Analysis("Cleaner air", "Cost", "2 M€", "The city", "Parking", "Studies");

    private static Given inPhase(Phase phase) {
        return givenAnAssembly(new LeadAppointed("f1"), new PhaseChanged(Phase.ONBOARDING, phase));
    }

    @Test
    void drafts_are_written_in_deliberation_and_decision_only() {
        var draft = new ProposeDraft("Cycle lanes", "Build them", ANALYSIS, null);
        inPhase(Phase.LEARNING).when(LEAD, draft).thenRejected("wrong-phase");
        assertThat(inPhase(Phase.DELIBERATION).when(LEAD, draft).events(DraftProposed.class))
                .hasSize(1);
        inPhase(Phase.CLOSED).when(LEAD, draft).thenRejected("assembly-closed");
    }

    @Test
    void a_ballots_roll_is_the_members_present_when_it_opens() {
        Given drafted = inPhase(Phase.DECISION)
                .and(present("m1", "m2", "m3", "f2"))
                .when(LEAD, new ProposeDraft("Cycle lanes", "Build them", ANALYSIS, null))
                .andThen();
        String draftId = drafted.thenModel()
                .slice(RecommendationCapability.NAME, Recommendations.class)
                .drafts
                .all()
                .get(0)
                .id();
        BallotOpened opened = drafted.when(
                        LEAD, new OpenBallot("Final vote", List.of(draftId), AdoptionRule.DEFAULT, "salt"))
                .events(BallotOpened.class)
                .get(0);
        assertThat(opened.roll()).containsExactlyInAnyOrder("m1", "m2", "m3");
    }

    @Test
    void a_ballot_opened_without_a_rule_takes_the_assemblys_default_and_one_with_a_rule_keeps_its_own() {
        AdoptionRule twoThirds = new AdoptionRule(
                Fraction.parse("2/3"), AdoptionRule.Base.BALLOTS_CAST, null, AdoptionRule.BlockEffect.VETO, null);
        Given organiser = inPhase(Phase.DECISION).and(present("m1", "m2"));
        Given set = organiser.when(Actor.person("o1", Role.ORGANISER), new SetDefaultRule(twoThirds));
        assertThat(set.events(DefaultRuleSet.class)).containsExactly(new DefaultRuleSet(twoThirds));
        Given drafted = set.andThen()
                .when(LEAD, new ProposeDraft("Cycle lanes", "Build them", ANALYSIS, null))
                .andThen();
        String draftId = drafted.thenModel()
                .slice(RecommendationCapability.NAME, Recommendations.class)
                .drafts
                .all()
                .get(0)
                .id();
        assertThat(drafted.when(Actor.person("o1", Role.ORGANISER), new SetDefaultRule(twoThirds))
                        .events(DefaultRuleSet.class))
                .as("the same rule again records nothing")
                .isEmpty();
        BallotOpened byDefault = drafted.when(LEAD, new OpenBallot("Final vote", List.of(draftId), null, "salt"))
                .events(BallotOpened.class)
                .get(0);
        assertThat(byDefault.spec().rule()).isEqualTo(twoThirds);
        BallotOpened given = drafted.when(
                        LEAD, new OpenBallot("Final vote", List.of(draftId), AdoptionRule.DEFAULT, "salt"))
                .events(BallotOpened.class)
                .get(0);
        assertThat(given.spec().rule()).isEqualTo(AdoptionRule.DEFAULT);
        inPhase(Phase.CLOSED)
                .when(Actor.person("o1", Role.ORGANISER), new SetDefaultRule(twoThirds))
                .thenRejected("assembly-closed");
    }

    @Test
    void a_cast_that_does_not_come_through_the_pool_and_a_turnout_not_asked_by_the_hub_are_refused() {
        Given decision = inPhase(Phase.DECISION);
        decision.when(MEMBER, new CastBallot("b1", List.of(1), "secret-secret-secret", null))
                .thenRejected("forbidden");
        decision.when(Actor.person("o2", Role.ORGANISER), new ShowTurnout()).thenRejected("forbidden");
    }

    @Test
    void a_member_who_arrives_while_a_ballot_is_open_joins_its_roll_and_a_facilitator_does_not() {
        Given drafted = inPhase(Phase.DECISION)
                .and(present("m1", "m2"))
                .when(LEAD, new ProposeDraft("Cycle lanes", "Build them", ANALYSIS, null))
                .andThen();
        String draftId = drafted.thenModel()
                .slice(RecommendationCapability.NAME, Recommendations.class)
                .drafts
                .all()
                .get(0)
                .id();
        Given open = drafted.when(LEAD, new OpenBallot("Final vote", List.of(draftId), AdoptionRule.DEFAULT, "salt"))
                .andThen();
        Given arrives = open.when(Actor.HUB, new Presence.Mark("m3", true));
        assertThat(arrives.events(VoterAdded.class)).containsExactly(new VoterAdded("b1", "m3"));
        var ballot = arrives.andThen()
                .thenModel()
                .slice(RecommendationCapability.NAME, Recommendations.class)
                .ballots
                .ballot("b1")
                .orElseThrow();
        assertThat(ballot.onRoll("m3")).isTrue();
        assertThat(ballot.rollSize()).isEqualTo(3);
        Given joined = arrives.andThen(); // before `open` is asked anything else: when() answers on the same Given
        assertThat(((Verdict.Answered) joined.when(Actor.person("m3", Role.MEMBER), new Standing("b1"))
                                .verdict())
                        .result())
                .containsEntry("onRoll", true)
                .containsEntry("voted", false)
                .containsEntry("open", true);
        assertThat(((Verdict.Answered) joined.when(Actor.person("m9", Role.MEMBER), new Standing("b1"))
                                .verdict())
                        .result())
                .containsEntry("onRoll", false);
        assertThat(open.when(Actor.HUB, new Presence.Mark("f2", true)).events(VoterAdded.class))
                .isEmpty();
    }
}
