package org.assemblyhub.breakout.workspace;

import static org.assemblyhub.testing.Given.LEAD;
import static org.assemblyhub.testing.Given.NOW;
import static org.assemblyhub.testing.Given.givenAnAssembly;
import static org.assemblyhub.testing.Given.present;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.breakout.BreakoutCapability;
import org.assemblyhub.breakout.view.WorkspaceView;
import org.assemblyhub.breakout.workspace.WorkspaceCommand.GiveFloor;
import org.assemblyhub.breakout.workspace.WorkspaceCommand.HideMessage;
import org.assemblyhub.breakout.workspace.WorkspaceCommand.PostMessage;
import org.assemblyhub.breakout.workspace.WorkspaceCommand.RaiseHand;
import org.assemblyhub.breakout.workspace.WorkspaceCommand.ReadReport;
import org.assemblyhub.breakout.workspace.WorkspaceEvent.HandRaised;
import org.assemblyhub.breakout.workspace.WorkspaceEvent.MessageHidden;
import org.assemblyhub.breakout.workspace.WorkspaceEvent.MessagePosted;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.session.domain.PlannedSession;
import org.assemblyhub.session.domain.SessionCommand.SkipSegment;
import org.assemblyhub.session.domain.SessionEvent.LeadAppointed;
import org.assemblyhub.session.domain.SessionEvent.ScriptAttached;
import org.assemblyhub.session.domain.SessionEvent.SegmentStarted;
import org.assemblyhub.session.domain.SessionEvent.SessionStarted;
import org.assemblyhub.testing.Given;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** A group's chat and typed requests for the floor: who writes, who hides, who sees, and what stays bounded. */
class GroupChatTest {
    static final PlannedSession EVENING = new PlannedSession(
            "evening",
            "Evening",
            List.of(
                    new PlannedSegment("plenary", "Welcome", 10, "Hello", 0),
                    new PlannedSegment(
                            "breakouts", "Round 1", 20, "Talk", 2, 0, 0, false, 0, List.of(), List.of(), false),
                    new PlannedSegment("plenary", "Close", 10, "Bye", 0)));

    /** Round 1 open: f1 leads; members m1 to m15 and facilitators f2, f3 in two groups. */
    private static Given roundOne() {
        String[] here = IntStream.rangeClosed(1, 15).mapToObj(i -> "m" + i).toArray(String[]::new);
        return givenAnAssembly(
                        new ScriptAttached("Script", List.of(EVENING)),
                        new LeadAppointed("f1"),
                        new SessionStarted("evening", NOW.minusSeconds(60)),
                        new SegmentStarted(0, NOW.minusSeconds(60)))
                .and(present(here))
                .and(present("f2", "f3", "f1"))
                .when(LEAD, new SkipSegment())
                .andThen();
    }

    private static Actor member(Given given, int group, int index) {
        return Actor.person(given.thenModel().seating().members(group).get(index), Role.MEMBER);
    }

    private static Actor facilitator(Given given, int group) {
        for (String f : List.of("f2", "f3")) {
            var seat = given.thenModel().seating().seatOf(f).orElseThrow();
            if (seat.group() == group) return Actor.person(f, Role.FACILITATOR);
        }
        throw new AssertionError("no facilitator in group " + group);
    }

    private static ObjectNode view(Model model, Audience audience) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        new BreakoutCapability().view(model, audience, view);
        return view;
    }

    private static Given posted(Given open, Actor who, String text) {
        return open.when(who, new PostMessage(text)).andThen();
    }

    @Test
    void a_member_posts_a_message_that_only_their_groups_view_carries() {
        Given open = roundOne();
        Actor amina = member(open, 1, 0);
        Given after = open.when(amina, new PostMessage("  CANARY-CHAT I agree with Marie  "));
        MessagePosted posted = after.events(MessagePosted.class).get(0);
        assertThat(posted.text()).isEqualTo("CANARY-CHAT I agree with Marie");
        assertThat(posted.messageId()).isEqualTo("c1-1-1");
        assertThat(posted.group()).isEqualTo(1);
        assertThat(after.andThen()
                        .when(member(open, 2, 0), new PostMessage("Hello"))
                        .events(MessagePosted.class)
                        .get(0)
                        .messageId())
                .as("ids count within a group: they say nothing of how much the others wrote")
                .isEqualTo("c1-2-1");

        Model model = after.thenModel();
        ObjectNode mine = view(model, new Audience(Audience.Kind.MEMBER, 1));
        assertThat(mine.path("workspace")
                        .path("chat")
                        .path("messages")
                        .path("c1-1-1")
                        .path("text")
                        .asText())
                .isEqualTo("CANARY-CHAT I agree with Marie");
        assertThat(mine.path("workspace")
                        .path("chat")
                        .path("messages")
                        .path("c1-1-1")
                        .path("name")
                        .asText())
                .isEqualTo("Name of " + amina.personId());
        assertThat(view(model, new Audience(Audience.Kind.FACILITATOR, 1)).toString())
                .contains("CANARY-CHAT");
        for (Audience other : List.of(
                new Audience(Audience.Kind.MEMBER, 2),
                new Audience(Audience.Kind.FACILITATOR, 2),
                Audience.OBSERVER,
                Audience.MEMBER,
                Audience.FACILITATOR,
                Audience.LEAD,
                Audience.ORGANISER,
                Audience.EXPERT)) {
            assertThat(view(model, other).toString()).as(other.wire()).doesNotContain("CANARY-CHAT");
        }
    }

    @Test
    void an_empty_or_overlong_message_is_refused_and_nobody_outside_an_open_group_posts() {
        Given open = roundOne();
        Actor amina = member(open, 1, 0);
        open.when(amina, new PostMessage("   ")).thenRejected("text-empty");
        open.when(amina, new PostMessage("x".repeat(WorkspaceDecider.MAX_MESSAGE + 1)))
                .thenRejected("text-too-long");
        open.when(amina, new PostMessage("x".repeat(WorkspaceDecider.MAX_MESSAGE)))
                .events(MessagePosted.class);
        open.when(LEAD, new PostMessage("From the desk")).thenRejected("not-in-a-group");
        Given closed = open.when(LEAD, new SkipSegment()).andThen();
        closed.when(amina, new PostMessage("After the round")).thenRejected("not-in-a-group");
    }

    @Test
    void more_than_ten_messages_a_minute_from_one_person_wait_while_others_still_write() {
        Given open = roundOne();
        Actor amina = member(open, 1, 0);
        Given busy = open;
        for (int i = 0; i < WorkspaceDecider.CHAT_BURST; i++)
            busy = busy.when(amina, new PostMessage("message " + i), NOW.plusSeconds(i))
                    .andThen();
        busy.when(amina, new PostMessage("one more"), NOW.plusSeconds(30)).thenRejected("chat-too-fast");
        busy.when(member(open, 1, 1), new PostMessage("me too"), NOW.plusSeconds(30))
                .events(MessagePosted.class);
        assertThat(busy.when(amina, new PostMessage("later"), NOW.plusSeconds(61))
                        .events(MessagePosted.class))
                .hasSize(1);
    }

    @Test
    void past_their_share_of_text_a_person_gets_quota_exceeded_in_the_chat_too() {
        Given open = roundOne();
        Actor amina = member(open, 1, 0);
        String huge = "x".repeat(33 * 1024 * 1024);
        Given full = open.and(new MessagePosted("c1-1-1", 1, 1, huge, amina.personId(), NOW.minusSeconds(300)));
        full.when(amina, new PostMessage("one more")).thenRejected("quota-exceeded");
        full.when(member(open, 1, 1), new PostMessage("still here")).events(MessagePosted.class);
    }

    @Test
    void a_facilitator_hides_a_message_with_a_reason_and_its_text_leaves_every_view_and_the_report() {
        Given open = roundOne();
        Actor amina = member(open, 1, 0);
        Actor bruno = member(open, 1, 1);
        Actor fac = facilitator(open, 1);
        Given said = posted(open, amina, "CANARY-RUDE you are all idiots");

        said.when(bruno, new HideMessage("c1-1-1", "insult")).thenRejected("forbidden");
        said.when(fac, new HideMessage("c1-1-1", "  ")).thenRejected("reason-required");
        said.when(fac, new HideMessage("c404", "insult")).thenRejected("no-such-message");
        said.when(facilitator(open, 2), new HideMessage("c1-1-1", "insult")).thenRejected("no-such-message");
        said.when(LEAD, new HideMessage("c1-1-1", "insult")).thenRejected("not-in-a-group");

        Given hidden = said.when(fac, new HideMessage("c1-1-1", " Insulting words "));
        assertThat(hidden.events(MessageHidden.class).get(0).reason()).isEqualTo("Insulting words");
        Given after = hidden.andThen();
        after.when(fac, new HideMessage("c1-1-1", "again")).thenRejected("already-hidden");
        for (Audience a : List.of(new Audience(Audience.Kind.MEMBER, 1), new Audience(Audience.Kind.FACILITATOR, 1))) {
            ObjectNode message = (ObjectNode) view(after.thenModel(), a)
                    .path("workspace")
                    .path("chat")
                    .path("messages")
                    .path("c1-1-1");
            assertThat(message.toString()).doesNotContain("CANARY-RUDE");
            assertThat(message.path("hidden").asText()).isEqualTo("Insulting words");
            assertThat(message.path("by").asText()).as("its author is told").isEqualTo(amina.personId());
        }
        Given closed = after.when(LEAD, new SkipSegment()).andThen();
        Map<String, Object> report = answer(closed.when(amina, new ReadReport(1, 1)));
        assertThat(report.get("chat").toString()).doesNotContain("CANARY-RUDE").contains("Insulting words");
    }

    @Test
    void a_hand_raised_with_a_typed_note_or_a_message_to_read_out_shows_in_the_queue() {
        Given open = roundOne();
        Actor amina = member(open, 1, 0);
        Actor bruno = member(open, 1, 1);
        Given said = posted(open, amina, "We should keep the night buses")
                .when(bruno, new RaiseHand())
                .andThen();

        Given noted = said.when(amina, new RaiseHand("I'd like to answer Marie", null));
        assertThat(noted.events(HandRaised.class).get(0).note()).isEqualTo("I'd like to answer Marie");
        ObjectNode queue = (ObjectNode) view(noted.thenModel(), new Audience(Audience.Kind.FACILITATOR, 1))
                .path("workspace")
                .path("queue");
        assertThat(queue.path(amina.personId()).path("note").asText()).isEqualTo("I'd like to answer Marie");
        assertThat(queue.path(amina.personId()).path("position").asInt()).isEqualTo(2);

        // Asked again, to have the message read out: the request changes, the place in the queue does not.
        Given readOut =
                noted.andThen().when(amina, new RaiseHand(null, "c1-1-1")).andThen();
        ObjectNode entry = (ObjectNode) view(readOut.thenModel(), new Audience(Audience.Kind.FACILITATOR, 1))
                .path("workspace")
                .path("queue")
                .path(amina.personId());
        assertThat(entry.path("position").asInt()).isEqualTo(2);
        assertThat(entry.path("readOut").path("text").asText()).isEqualTo("We should keep the night buses");
        readOut.when(amina, new RaiseHand()).thenRejected("hand-already-raised");
        readOut.when(bruno, new RaiseHand(null, "c1-1-1")).thenRejected("no-such-message");
        readOut.when(bruno, new RaiseHand("x".repeat(WorkspaceDecider.MAX_NOTE + 1), null))
                .thenRejected("text-too-long");

        // Given the floor, the request is done: raised again later, the hand is bare.
        Given spoke = readOut.when(facilitator(open, 1), new GiveFloor(amina.personId()))
                .andThen()
                .when(amina, new RaiseHand())
                .andThen();
        assertThat(view(spoke.thenModel(), new Audience(Audience.Kind.MEMBER, 1))
                        .path("workspace")
                        .path("queue")
                        .path(amina.personId())
                        .has("note"))
                .isFalse();
    }

    @Test
    void views_carry_the_last_two_hundred_messages_and_the_report_keeps_the_whole_chat() {
        Given open = roundOne();
        Actor amina = member(open, 1, 0);
        Actor other = member(open, 2, 0);
        List<MessagePosted> many = new ArrayList<>();
        for (int i = 1; i <= 250; i++)
            many.add(new MessagePosted("c1-1-" + i, 1, 1, "line " + i, amina.personId(), NOW.minusSeconds(3000 - i)));
        Given long_ = open.and(new ArrayList<>(many));
        ObjectNode chat = (ObjectNode) view(long_.thenModel(), new Audience(Audience.Kind.MEMBER, 1))
                .path("workspace")
                .path("chat");
        assertThat(chat.path("messages").size()).isEqualTo(WorkspaceView.CHAT_SHOWN);
        assertThat(chat.path("total").asInt()).isEqualTo(250);
        assertThat(chat.path("messages").has("c1-1-50")).isFalse();
        assertThat(chat.path("messages").path("c1-1-250").path("order").asInt()).isEqualTo(250);
        assertThat(long_.when(amina, new PostMessage("next"))
                        .events(MessagePosted.class)
                        .get(0)
                        .messageId())
                .isEqualTo("c1-1-251");

        Given closed = long_.when(LEAD, new SkipSegment()).andThen();
        assertThat((List<?>) answer(closed.when(amina, new ReadReport(1, 1))).get("chat"))
                .hasSize(250);
        closed.when(other, new ReadReport(1, 1)).thenRejected("forbidden");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answer(Given given) {
        assertThat(given.verdict()).isInstanceOf(Verdict.Answered.class);
        return (Map<String, Object>) ((Verdict.Answered) given.verdict()).result();
    }
}
