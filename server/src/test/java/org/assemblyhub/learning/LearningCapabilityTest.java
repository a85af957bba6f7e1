package org.assemblyhub.learning;

import static org.assemblyhub.testing.Given.LEAD;
import static org.assemblyhub.testing.Given.MEMBER;
import static org.assemblyhub.testing.Given.NOW;
import static org.assemblyhub.testing.Given.ORGANISER;
import static org.assemblyhub.testing.Given.givenAnAssembly;
import static org.assemblyhub.testing.Given.present;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.assembly.domain.AssemblyEvent;
import org.assemblyhub.breakout.workspace.WorkspaceEvent.IdeaAdded;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.learning.domain.Item;
import org.assemblyhub.learning.domain.Learning;
import org.assemblyhub.learning.domain.LearningCommand.*;
import org.assemblyhub.learning.domain.LearningEvent.*;
import org.assemblyhub.learning.domain.Opening;
import org.assemblyhub.learning.domain.StoredFile;
import org.assemblyhub.learning.domain.Task;
import org.assemblyhub.learning.library.FileKind;
import org.assemblyhub.session.domain.PlannedSession;
import org.assemblyhub.session.domain.SessionCommand.SkipSegment;
import org.assemblyhub.session.domain.SessionCommand.StartSession;
import org.assemblyhub.session.domain.SessionEvent.LeadAppointed;
import org.assemblyhub.session.domain.SessionEvent.ScriptAttached;
import org.assemblyhub.session.domain.SessionEvent.SegmentStarted;
import org.assemblyhub.session.domain.SessionEvent.SessionStarted;
import org.assemblyhub.testing.Given;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The learning phase's rules: publishing, opening, progress, tasks and questions to experts, as behaviour specs. */
class LearningCapabilityTest {
    static final Actor EXPERT = Actor.person("x1", Role.EXPERT);
    static final Actor OTHER_EXPERT = Actor.person("x2", Role.EXPERT);
    static final String VIDEO = "a".repeat(64);
    static final String CAPTIONS = "b".repeat(64);
    static final Instant LATER = NOW.plusSeconds(3600);

    static final PlannedSession LEARNING = new PlannedSession(
            "learning-1",
            "Learning evening",
            List.of(
                    new PlannedSegment(
                            "learning",
                            "The talk",
                            12,
                            "Emissions",
                            0,
                            0,
                            0,
                            false,
                            0,
                            List.of(),
                            List.of(),
                            false,
                            new PlannedSegment.Material("Emissions 101", "Dr Diallo", null, true)),
                    new PlannedSegment(
                            "breakouts", "Groups", 20, "Talk", 2, 0, 0, false, 0, List.of(), List.of(), false),
                    new PlannedSegment("plenary", "Close", 10, "Bye", 0)),
            Phase.LEARNING,
            Instant.parse("2027-01-06T17:30:00Z"));

    /** An assembly with two experts, the learning script attached and a first module with a talk by x1. */
    static Given withATalk() {
        return givenAnAssembly(
                        new AssemblyEvent.PeopleAdded(List.of(
                                new Person("x1", "Dr Diallo", null, Role.EXPERT, Map.of()),
                                new Person("x2", "Dr Weber", null, Role.EXPERT, Map.of()))),
                        new ScriptAttached("Script", List.of(LEARNING)),
                        new LeadAppointed("f1"))
                .when(ORGANISER, new PublishModule(null, "Week 1", "Where emissions come from", false, List.of("x1")))
                .andThen()
                .when(EXPERT, new StoreFile(new StoredFile(VIDEO, FileKind.VIDEO, "video/mp4", 9, "t.mp4", 0, "x1")))
                .andThen()
                .when(
                        EXPERT,
                        new StoreFile(new StoredFile(CAPTIONS, FileKind.CAPTIONS, "text/vtt", 9, "t.vtt", 0, "x1")))
                .andThen()
                .when(EXPERT, new PublishItem(talk(null, Opening.NOW, null)))
                .andThen();
    }

    static Item talk(String id, Opening opens, Task task) {
        return new Item(
                id,
                "m1",
                Item.Kind.TALK,
                "Emissions 101",
                "Dr Diallo",
                null,
                VIDEO,
                CAPTIONS,
                null,
                720,
                false,
                opens,
                "learning-1",
                task);
    }

    static Task quiz() {
        return new Task(
                Task.Kind.QUIZ,
                "Check what you learned",
                List.of(
                        new Task.QuizQuestion("Biggest source?", List.of("Transport", "Pets"), 0, "Transport: 40 %."),
                        new Task.QuizQuestion("Target year?", List.of("2035", "2100"), 0, null)));
    }

    @Test
    void an_expert_publishes_only_in_a_module_that_names_them_and_only_files_that_were_stored() {
        Given talk = withATalk();
        assertThat(talk.thenModel()).isNotNull();
        talk.when(OTHER_EXPERT, new PublishItem(talk(null, Opening.NOW, null))).thenRejected("not-an-author");
        talk.when(
                        OTHER_EXPERT,
                        new StoreFile(
                                new StoredFile("c".repeat(64), FileKind.PDF, "application/pdf", 1, "x.pdf", 1, "x2")))
                .thenRejected("not-an-author");
        talk.when(
                        EXPERT,
                        new PublishItem(new Item(
                                null,
                                "m1",
                                Item.Kind.TALK,
                                "T",
                                null,
                                null,
                                "d".repeat(64),
                                null,
                                null,
                                0,
                                false,
                                null,
                                null,
                                null)))
                .thenRejected("no-such-file");
        talk.when(
                        EXPERT,
                        new PublishItem(new Item(
                                null,
                                "m1",
                                Item.Kind.TALK,
                                "T",
                                null,
                                null,
                                CAPTIONS,
                                null,
                                null,
                                0,
                                false,
                                null,
                                null,
                                null)))
                .thenRejected("wrong-file-kind");
        talk.when(
                        EXPERT,
                        new PublishItem(new Item(
                                null,
                                "m1",
                                Item.Kind.LINK,
                                "T",
                                null,
                                null,
                                null,
                                null,
                                null,
                                0,
                                false,
                                null,
                                null,
                                null)))
                .thenRejected("invalid-args");
        Task broken = new Task(Task.Kind.QUIZ, "Q", List.of(new Task.QuizQuestion("?", List.of("a", "b"), 2, null)));
        talk.when(EXPERT, new PublishItem(talk(null, Opening.NOW, broken))).thenRejected("invalid-task");
        talk.when(
                        ORGANISER,
                        new PublishItem(new Item(
                                null,
                                "m9",
                                Item.Kind.LINK,
                                "T",
                                null,
                                "https://x.org",
                                null,
                                null,
                                null,
                                0,
                                false,
                                null,
                                null,
                                null)))
                .thenRejected("no-such-module");
        talk.when(ORGANISER, new PublishModule(null, "W", null, false, List.of("m1")))
                .thenRejected("no-such-person");
        talk.when(
                        Given.LEAD,
                        new StoreFile(new StoredFile(VIDEO, FileKind.MARKDOWN, "text/markdown", 9, "t.md", 0, "x1")))
                .thenRejected("wrong-file-kind");
        talk.when(
                        Given.LEAD,
                        new StoreFile(
                                new StoredFile("f".repeat(64), FileKind.PDF, "application/pdf", 9, "p.pdf", 1, "m1")))
                .thenRejected("not-an-author");
    }

    @Test
    void an_expert_attaches_only_files_they_uploaded_so_nobody_makes_a_private_file_public() {
        Given talk = withATalk()
                .when(ORGANISER, new PublishModule(null, "Week 2", null, false, List.of("x2")))
                .andThen();
        Item borrowed = new Item(
                null, "m2", Item.Kind.TALK, "Borrowed", null, null, VIDEO, null, null, 0, true, null, null, null);
        talk.when(OTHER_EXPERT, new PublishItem(borrowed)).thenRejected("no-such-file");
        assertThat(talk.when(ORGANISER, new PublishItem(borrowed)).events(ItemPublished.class))
                .hasSize(1);
    }

    @Test
    void a_public_items_file_and_task_reach_observers_only_once_it_is_open_and_the_task_never() {
        Item later = new Item(
                null,
                "m1",
                Item.Kind.TALK,
                "Later",
                null,
                null,
                VIDEO,
                CAPTIONS,
                null,
                0,
                true,
                new Opening(LATER, null, null),
                null,
                quiz());
        Given published = withATalk().when(EXPERT, new PublishItem(later)).andThen();
        LearningCapability learning = new LearningCapability();
        JsonObject asked = new JsonObject().put("hash", VIDEO);
        assertThat(learning.record(published.thenModel(), "file", asked, false)
                        .orElseThrow()
                        .getString("code"))
                .isEqualTo("no-such-file");
        Model open =
                published.when(Given.LEAD, new OpenDueItems(), LATER).andThen().thenModel();
        assertThat(learning.record(open, "file", asked, false).orElseThrow().getString("hash"))
                .isEqualTo(VIDEO);
        JsonNode seen = item(view(open, Audience.OBSERVER), "t2");
        assertThat(seen.has("task")).isFalse();
        assertThat(seen.at("/file/name").isMissingNode())
                .as("the uploader's file name")
                .isTrue();
    }

    @Test
    void a_dated_item_opens_when_its_time_comes_and_cannot_be_done_before() {
        Given talk = withATalk()
                .when(EXPERT, new PublishItem(talk(null, new Opening(LATER, null, null), quiz())))
                .andThen();
        Model model = talk.thenModel();
        assertThat(new LearningCapability().nextDeadline(model)).contains(LATER);
        talk.when(MEMBER, new MarkDone("t2", true, false)).thenRejected("item-not-open");
        JsonNode locked = item(view(model, Audience.MEMBER), "t2");
        assertThat(locked.get("open").asBoolean()).isFalse();
        assertThat(locked.has("file"))
                .as("a locked item's content stays hidden")
                .isFalse();
        assertThat(locked.has("task")).isFalse();

        assertThat(new LearningCapability().due(model, LATER)).containsExactly(new OpenDueItems());
        Given opened = talk.when(Given.LEAD, new OpenDueItems(), LATER).andThen();
        opened.when(MEMBER, new MarkDone("t2", true, true)).thenEvents(new ItemDone("m1", "t2", true, NOW));
        assertThat(item(view(opened.thenModel(), Audience.MEMBER), "t2")
                        .get("open")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void items_opened_by_phase_or_session_follow_the_assembly() {
        Given talk = withATalk()
                .when(EXPERT, new PublishItem(talk(null, new Opening(null, Phase.DELIBERATION, null), null)))
                .andThen()
                .when(EXPERT, new PublishItem(talk(null, new Opening(null, null, "learning-1"), null)))
                .andThen();
        talk.when(MEMBER, new MarkDone("t2", true, false)).thenRejected("item-not-open");
        talk.when(MEMBER, new MarkDone("t3", true, false)).thenRejected("item-not-open");
        Given later = talk.and(new AssemblyEvent.PhaseChanged(Phase.ONBOARDING, Phase.DELIBERATION))
                .and(new SessionStarted("learning-1", NOW), new SegmentStarted(0, NOW));
        later.when(MEMBER, new MarkDone("t2", true, false)).thenEvents(new ItemDone("m1", "t2", false, NOW));
        later.when(MEMBER, new MarkDone("t3", true, false)).thenEvents(new ItemDone("m1", "t3", false, NOW));
        talk.when(EXPERT, new PublishItem(talk(null, new Opening(null, null, "no-such"), null)))
                .thenRejected("no-such-session");
    }

    @Test
    void a_quiz_answer_comes_back_with_its_feedback_to_its_author_only_and_its_keys_never_reach_members() {
        Given talk = withATalk()
                .when(EXPERT, new PublishItem(talk(null, Opening.NOW, quiz())))
                .andThen();
        JsonNode task = item(view(talk.thenModel(), Audience.MEMBER), "t2").get("task");
        assertThat(task.toString()).doesNotContain("correct").doesNotContain("Transport: 40 %");
        assertThat(item(view(talk.thenModel(), Audience.ORGANISER), "t2")
                        .get("task")
                        .toString())
                .contains("\"correct\":0");

        talk.when(MEMBER, new AnswerTask("t2", null, List.of(0))).thenRejected("invalid-answer");
        talk.when(MEMBER, new AnswerTask("t2", null, List.of(0, 5))).thenRejected("invalid-answer");
        Given answered =
                talk.when(MEMBER, new AnswerTask("t2", null, List.of(0, 1))).andThen();
        Map<String, Object> mine = answer(answered.when(MEMBER, new Mine()));
        Map<String, Object> quizAnswer = map(map(mine.get("answers")).get("t2"));
        assertThat(quizAnswer).containsEntry("score", 1).containsEntry("of", 2);
        assertThat(quizAnswer.get("feedback").toString()).contains("Transport: 40 %");
        Map<String, Object> theirs = answer(answered.when(Actor.person("m2", Role.MEMBER), new Mine()));
        assertThat(map(theirs.get("answers"))).isEmpty();
        answered.when(MEMBER, new AnswerTask("t1", "x", List.of())).thenRejected("no-task");
    }

    @Test
    void questions_are_ordered_by_votes_one_vote_per_person_and_a_merge_counts_nobody_twice() {
        Given asked = withATalk();
        for (int m = 1; m <= 3; m++)
            asked = asked.when(Actor.person("m" + m, Role.MEMBER), new AskQuestion("Question " + m))
                    .andThen();
        asked.when(Actor.person("m5", Role.MEMBER), new Upvote("q1", true)).thenRejected("question-not-approved");
        for (String q : List.of("q1", "q2", "q3"))
            asked = asked.when(Given.FACILITATOR, new Approve(q)).andThen();
        Given voted = asked;
        for (String voter : List.of("m4", "m5")) voted = vote(voted, voter, "q2");
        voted = vote(voted, "m4", "q3");
        voted = vote(voted, "m6", "q3");
        voted = vote(voted, "m7", "q3");
        voted.when(Actor.person("m4", Role.MEMBER), new Upvote("q2", true)).thenRejected("already-voted");
        voted.when(Actor.person("m9", Role.MEMBER), new Upvote("q2", false)).thenRejected("not-voted");
        assertThat(queue(voted.thenModel())).containsExactly("q3:3", "q2:2", "q1:0");

        Given changed = voted.when(Actor.person("m7", Role.MEMBER), new Upvote("q3", false))
                .andThen();
        assertThat(queue(changed.thenModel())).containsExactly("q2:2", "q3:2", "q1:0");

        Given merged = changed.when(LEAD, new Merge("q3", "q2")).andThen();
        assertThat(queue(merged.thenModel()))
                .as("m4 voted for both: counted once")
                .containsExactly("q2:3", "q1:0");
        merged.when(LEAD, new Merge("q2", "q2")).thenRejected("same-question");
        merged.when(Actor.person("m1", Role.MEMBER), new Upvote("q3", true)).thenRejected("question-closed");
    }

    @Test
    void a_hidden_question_shows_its_reason_to_its_author_and_an_edit_carries_a_visible_note() {
        Given asked = withATalk()
                .when(MEMBER, new AskQuestion("Why are tarmac roads so expnsive?"))
                .andThen();
        Given edited = asked.when(Given.FACILITATOR, new Edit("q1", "Why are tarmac roads so expensive?", "typo fixed"))
                .andThen()
                .when(Given.FACILITATOR, new Approve("q1"))
                .andThen();
        JsonNode queued = view(edited.thenModel(), Audience.MEMBER).at("/qa/queue/0");
        assertThat(queued.get("text").asText()).isEqualTo("Why are tarmac roads so expensive?");
        assertThat(queued.at("/edited/note").asText()).isEqualTo("typo fixed");

        Given hidden = edited.when(Given.FACILITATOR, new Hide("q1", "Off topic for tonight"))
                .andThen();
        assertThat(view(hidden.thenModel(), Audience.MEMBER).at("/qa/queue")).isEmpty();
        Map<String, Object> mine =
                map(((List<?>) answer(hidden.when(MEMBER, new Mine())).get("questions")).get(0));
        assertThat(mine).containsEntry("status", "hidden").containsEntry("reason", "Off topic for tonight");
        assertThat(view(hidden.thenModel(), Audience.LEAD)
                        .at("/qa/hidden/0/reason")
                        .asText())
                .isEqualTo("Off topic for tonight");
        hidden.when(Given.FACILITATOR, new Approve("q1")).thenRejected("question-closed");
    }

    @Test
    void answered_questions_form_an_archive_observers_read_and_only_experts_or_the_lead_answer() {
        Given asked = withATalk()
                .when(MEMBER, new AskQuestion("How fast can buses replace cars?"))
                .andThen();
        Model pending = asked.thenModel();
        assertThat(view(pending, Audience.OBSERVER).toString()).doesNotContain("buses");
        assertThat(view(pending, Audience.EXPERT).toString()).doesNotContain("buses");
        assertThat(view(pending, Audience.FACILITATOR)
                        .at("/qa/pending/0/askedBy")
                        .asText())
                .isEqualTo("Name of m1");
        asked.when(EXPERT, new AnswerQuestion("q1", null)).thenRejected("question-not-approved");
        Given approved = asked.when(Given.FACILITATOR, new Approve("q1")).andThen();
        approved.when(Given.FACILITATOR, new AnswerQuestion("q1", "soon")).thenRejected("forbidden");
        Given answered = approved.when(EXPERT, new AnswerQuestion("q1", "Within five years, with lanes."))
                .andThen();
        JsonNode observer = view(answered.thenModel(), Audience.OBSERVER).get("qa");
        assertThat(observer.at("/archive/0/answer").asText()).isEqualTo("Within five years, with lanes.");
        assertThat(observer.has("queue")).isFalse();
        assertThat(observer.has("pending")).isFalse();
        answered.when(EXPERT, new AnswerQuestion("q1", null)).thenRejected("question-closed");
    }

    @Test
    void a_learning_segment_with_qa_runs_the_questions_live_until_the_clock_leaves_it() {
        Given running = withATalk()
                .and(present(IntStream.rangeClosed(1, 16).mapToObj(i -> "m" + i).toArray(String[]::new)))
                .and(present("f1", "f2", "f3"))
                .when(LEAD, new StartSession("learning-1"));
        assertThat(running.events(QaOpened.class)).containsExactly(new QaOpened("Emissions 101", true, NOW));
        running = running.andThen();
        JsonNode now = view(running.thenModel(), Audience.MEMBER).get("now");
        assertThat(now.get("material").asText()).isEqualTo("Emissions 101");
        assertThat(now.get("qa").asBoolean()).isTrue();
        running.when(LEAD, new OpenQa("again")).thenRejected("qa-already-open");
        Given skipping = running.when(LEAD, new SkipSegment());
        assertThat(skipping.events(QaClosed.class)).hasSize(1);
        Given moved = skipping.andThen();
        assertThat(view(moved.thenModel(), Audience.MEMBER).has("now")).isFalse();
        moved.when(LEAD, new CloseQa()).thenRejected("qa-not-open");
        moved.when(MEMBER, new OpenQa(null)).thenRejected("forbidden");
    }

    @Test
    void coverage_names_the_groups_without_a_question_in_the_top_and_counts_attribute_values_for_the_desk() {
        Given groups = withATalk()
                .and(present(IntStream.rangeClosed(1, 16).mapToObj(i -> "m" + i).toArray(String[]::new)))
                .and(present("f1", "f2", "f3"))
                .when(LEAD, new StartSession("learning-1"))
                .andThen()
                .when(LEAD, new SkipSegment())
                .andThen();
        Model open = groups.thenModel();
        String inOne = open.seating().members(1).get(0);
        String inTwo = open.seating().members(2).get(0);
        Given asked = groups.when(Actor.person(inOne, Role.MEMBER), new AskQuestion("From group one"))
                .andThen()
                .when(Given.FACILITATOR, new Approve("q1"))
                .andThen();
        asked = vote(asked, inTwo, "q1");
        assertThat(asked.thenModel()
                        .slice("learning", Learning.class)
                        .questions
                        .question("q1")
                        .orElseThrow()
                        .inGroup())
                .isTrue();
        JsonNode coverage = view(asked.thenModel(), Audience.LEAD).at("/qa/coverage");
        assertThat(coverage.get("without").toString()).isEqualTo("[2]");
        assertThat(coverage.at("/groups/0").toString()).contains("\"asked\":1", "\"inTop\":1");
        assertThat(coverage.at("/groups/1").toString()).contains("\"asked\":0", "\"upvotes\":1");
        assertThat(coverage.get("attributes").toString()).contains("\"attribute\":\"area\"");
        assertThat(view(asked.thenModel(), Audience.FACILITATOR)
                        .at("/qa/coverage")
                        .has("attributes"))
                .as("attribute values are for the desk only")
                .isFalse();
    }

    @Test
    void a_facilitator_brings_a_members_written_answer_to_the_groups_board_with_where_it_comes_from() {
        Task reflection = new Task(Task.Kind.REFLECTION, "Three things you learned", List.of());
        Given groups = withATalk()
                .when(EXPERT, new PublishItem(talk(null, Opening.NOW, reflection)))
                .andThen()
                .and(present(IntStream.rangeClosed(1, 16).mapToObj(i -> "m" + i).toArray(String[]::new)))
                .and(present("f1", "f2", "f3"))
                .when(LEAD, new StartSession("learning-1"))
                .andThen()
                .when(LEAD, new SkipSegment())
                .andThen();
        Model open = groups.thenModel();
        String author = open.seating().members(1).get(0);
        String facilitator = open.seating().seatOf(author).orElseThrow().people().stream()
                .filter(p -> p.startsWith("f"))
                .filter(p -> open.seating().seatOf(p).orElseThrow().facilitates())
                .findFirst()
                .orElseThrow();
        Actor host = Actor.person(facilitator, Role.FACILITATOR);
        groups.when(host, new BringAnswer("t2", author)).thenRejected("no-answer");
        Given answered = groups.when(
                        Actor.person(author, Role.MEMBER), new AnswerTask("t2", "Buses, bikes, heat", List.of()))
                .andThen();
        List<IdeaAdded> cards =
                answered.when(host, new BringAnswer("t2", author)).events(IdeaAdded.class);
        assertThat(cards).singleElement().satisfies(card -> {
            assertThat(card.text()).isEqualTo("Buses, bikes, heat");
            assertThat(card.group()).isEqualTo(1);
            assertThat(card.source().title()).isEqualTo("Emissions 101");
            assertThat(card.source().by()).isEqualTo("Name of " + author);
        });
        String elsewhere = open.seating().members(2).get(0);
        answered.and(new TaskAnswered(elsewhere, "t2", "Other group", List.of(), NOW))
                .when(host, new BringAnswer("t2", elsewhere))
                .thenRejected("not-your-group");
        answered.when(MEMBER, new BringAnswer("t2", author)).thenRejected("not-in-a-group");
    }

    @Test
    void progress_is_counted_per_learning_group_for_its_facilitator_and_for_every_group_for_the_lead() {
        Given groups = withATalk()
                .and(present(IntStream.rangeClosed(1, 16).mapToObj(i -> "m" + i).toArray(String[]::new)))
                .and(present("f1", "f2", "f3"))
                .when(LEAD, new StartSession("learning-1"))
                .andThen()
                .when(LEAD, new SkipSegment())
                .andThen()
                .when(LEAD, new SkipSegment())
                .andThen(); // the round is over: learning groups remain
        Model closed = groups.thenModel();
        assertThat(closed.seating().isOpen()).isFalse();
        String one = closed.seating().lastGroups().entrySet().stream()
                .filter(e -> e.getValue() == 1 && e.getKey().startsWith("m"))
                .findFirst()
                .orElseThrow()
                .getKey();
        Given done = groups.when(Actor.person(one, Role.MEMBER), new MarkDone("t1", true, true))
                .andThen();
        Map<String, Object> all = answer(done.when(LEAD, new Progress()));
        assertThat(all.get("groups").toString()).contains("group=1", "t1=1").contains("group=2", "t1=0");
        String host = closed.seating().lastGroups().entrySet().stream()
                .filter(e -> e.getValue() == 2 && e.getKey().startsWith("f"))
                .findFirst()
                .orElseThrow()
                .getKey();
        Map<String, Object> mine = answer(done.when(Actor.person(host, Role.FACILITATOR), new Progress()));
        assertThat((List<?>) mine.get("groups")).singleElement().satisfies(g -> assertThat(map(g))
                .containsEntry("group", 2));
        assertThat(mine).containsEntry("named", false);
        assertThat(mine.toString()).doesNotContain("Name of");
    }

    @Test
    void replaying_the_same_events_gives_the_same_queue() {
        Given asked = withATalk();
        for (int m = 1; m <= 4; m++)
            asked = asked.when(Actor.person("m" + m, Role.MEMBER), new AskQuestion("Q" + m))
                    .andThen()
                    .when(LEAD, new Approve("q" + m))
                    .andThen();
        asked = vote(vote(vote(asked, "m9", "q4"), "m8", "q4"), "m7", "q2");
        assertThat(queue(asked.thenModel())).containsExactly("q4:2", "q2:1", "q1:0", "q3:0");
        assertThat(queue(asked.andThen().thenModel())).isEqualTo(queue(asked.thenModel()));
    }

    private static Given vote(Given given, String voter, String question) {
        return given.when(Actor.person(voter, Role.MEMBER), new Upvote(question, true))
                .andThen();
    }

    private static List<String> queue(Model model) {
        return view(model, Audience.MEMBER).at("/qa/queue").findValues("id").stream()
                .map(JsonNode::asText)
                .map(id -> id + ":"
                        + model.slice("learning", Learning.class).questions.votes(id))
                .toList();
    }

    static JsonNode view(Model model, Audience audience) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        new LearningCapability().view(model, audience, view);
        return view.path("learning");
    }

    private static JsonNode item(JsonNode view, String id) {
        for (JsonNode module : view.get("modules"))
            for (JsonNode item : module.get("items"))
                if (item.get("id").asText().equals(id)) return item;
        throw new AssertionError("no item " + id + " in " + view);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answer(Given given) {
        assertThat(given.verdict()).isInstanceOf(Verdict.Answered.class);
        return ((Verdict.Answered) given.verdict()).result();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
