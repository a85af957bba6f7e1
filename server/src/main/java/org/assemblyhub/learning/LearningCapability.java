package org.assemblyhub.learning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Agenda;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.kernel.plug.WireCommand;
import org.assemblyhub.learning.domain.*;
import org.assemblyhub.learning.domain.LearningCommand.*;
import org.assemblyhub.learning.view.LearningOpenData;
import org.assemblyhub.learning.view.LearningQueries;
import org.assemblyhub.learning.view.LearningViews;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The learning phase: materials (talks with captions and transcripts, readings, links) opened by date, phase or
 * session; each member's agenda and progress; short tasks; and questions to experts with moderation, upvotes and a
 * coverage hint. It follows the run of show: a learning segment puts its material on stage, and one with {@code qa:
 * true} runs the questions live while it lasts.
 */
public final class LearningCapability implements Capability {
    public static final String NAME = "learning";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<WireCommand> wire() {
        return LearningWire.COMMANDS;
    }

    @Override
    public List<Class<? extends DomainEvent>> events() {
        return List.of(LearningEvent.class);
    }

    @Override
    public List<Class<? extends DomainCommand>> commands() {
        return List.of(LearningCommand.class);
    }

    @Override
    public Object newState() {
        return new Learning();
    }

    @Override
    public Verdict decide(Model model, Acting who, DomainCommand command, Instant now) {
        Learning l = learning(model);
        if (command instanceof Mine) return LearningQueries.mine(l, who.personId());
        if (command instanceof LearningCommand.Progress) return LearningQueries.progress(l, model, who);
        if (command instanceof TaskAnswers c) return LearningQueries.taskAnswers(l, model, who, c.itemId());
        if (model.roster().phase() == Phase.CLOSED) return Verdict.assemblyClosed();
        Library library = l.library;
        if (command instanceof StoreFile c) return MaterialsDecider.storeFile(library, model.roster(), c.file(), now);
        if (command instanceof CheckUpload c) return MaterialsDecider.checkUpload(library, model.roster(), c.by());
        if (command instanceof PublishModule c) return MaterialsDecider.publishModule(library, model.roster(), c, now);
        if (command instanceof PublishItem c)
            return MaterialsDecider.publishItem(
                    library, who, c.item(), model.agenda().schedule(), now);
        if (command instanceof WithdrawItem c) return MaterialsDecider.withdraw(library, who, c.itemId(), now);
        if (command instanceof SetOptions c)
            return Verdict.accept(new LearningEvent.LearningOptionsSet(c.namedProgress()));
        if (command instanceof OpenDueItems) return MaterialsDecider.openDue(library, now);
        if (command instanceof MarkDone c) return ProgressDecider.markDone(l, who, c, open(model, l, c.itemId()), now);
        if (command instanceof AnswerTask c)
            return ProgressDecider.answerTask(l, who, c, open(model, l, c.itemId()), now);
        if (command instanceof BringAnswer c)
            return ProgressDecider.bring(l, who, model.seating(), model.roster().displayName(c.personId()), c, now);
        return questions(model, l.questions, who, command, now);
    }

    private static Verdict questions(Model model, Questions questions, Acting who, DomainCommand command, Instant now) {
        if (command instanceof AskQuestion c)
            return QuestionsDecider.ask(questions, who, groupOf(model, who), c.text(), now);
        if (command instanceof Upvote c) return QuestionsDecider.upvote(questions, who, c, now);
        if (command instanceof Approve c) return QuestionsDecider.approve(questions, who, c.questionId(), now);
        if (command instanceof Edit c) return QuestionsDecider.edit(questions, who, c, now);
        if (command instanceof Hide c) return QuestionsDecider.hide(questions, who, c, now);
        if (command instanceof Merge c) return QuestionsDecider.merge(questions, who, c, now);
        if (command instanceof AnswerQuestion c) {
            if (who.role() != Role.EXPERT && !who.leads())
                return Verdict.reject("forbidden", "Experts answer questions (or the lead and organisers for them).");
            return QuestionsDecider.answer(questions, who, c, now);
        }
        if (!who.leads())
            return Verdict.reject("forbidden", "Only the lead facilitator or organisers run live questions.");
        if (command instanceof OpenQa c) return QuestionsDecider.open(questions, c.title(), false, now);
        return QuestionsDecider.close(questions, now);
    }

    @Override
    public void evolve(Model model, DomainEvent event) {
        learning(model).evolve((LearningEvent) event);
    }

    /** A learning segment with {@code qa: true} runs the questions live while it lasts. */
    @Override
    public List<DomainEvent> react(Model model, Acting who, List<DomainEvent> accepted, Instant now) {
        Optional<Agenda.Move> move = model.agenda().move(accepted);
        if (move.isEmpty()) return List.of();
        Questions questions = learning(model).questions;
        PlannedSegment entered = move.get().entered();
        boolean qa = entered != null
                && entered.material() != null
                && entered.material().qa();
        if (qa && !questions.live())
            return List.of(new LearningEvent.QaOpened(entered.material().title(), true, now));
        if (!qa && questions.live() && questions.liveFromScript()) return List.of(new LearningEvent.QaClosed(now));
        return List.of();
    }

    @Override
    public void view(Model model, Audience audience, ObjectNode view) {
        model.cache(NAME + "/views", LearningViews::new)
                .of(model, learning(model), audience)
                .ifPresent(section -> view.set(NAME, section));
    }

    @Override
    public void openData(Model model, ObjectNode openData) {
        LearningOpenData.of(
                learning(model), model.roster().phase(), model.agenda().schedule(), openData);
    }

    /**
     * A stored file, for the files route: participants get any of the assembly's files; observers only those of public
     * items. Every refusal is the same {@code no-such-file}: nobody learns which files exist.
     */
    @Override
    public Optional<JsonObject> record(Model model, String what, JsonObject request, boolean participant) {
        if (!"file".equals(what)) return Optional.empty();
        Library library = learning(model).library;
        String hash = request.getString("hash", "");
        Optional<StoredFile> file = library.file(hash);
        if (file.isEmpty()
                || (!participant
                        && !library.isPublicFile(
                                hash, model.roster().phase(), model.agenda().schedule())))
            return Optional.of(Answers.error("no-such-file", "There is no such file here."));
        StoredFile f = file.get();
        return Optional.of(new JsonObject()
                .put("hash", f.hash())
                .put("kind", f.kind().wireName())
                .put("mediaType", f.mediaType())
                .put("name", f.name())
                .put("bytes", f.bytes()));
    }

    @Override
    public Optional<Instant> nextDeadline(Model model) {
        return learning(model).library.nextOpening();
    }

    /** A dated item opens when its time comes. */
    @Override
    public List<DomainCommand> due(Model model, Instant now) {
        return learning(model).library.dueAt(now).isEmpty() ? List.of() : List.of(new OpenDueItems());
    }

    private static boolean open(Model model, Learning l, String itemId) {
        return l.library
                .item(itemId)
                .map(i -> l.library.isOpen(
                        i, model.roster().phase(), model.agenda().schedule()))
                .orElse(false);
    }

    /** Where the asker sits now, else the group they sat in last (0: never in a group). */
    private static int groupOf(Model model, Acting who) {
        if (who.seatedGroup() > 0) return who.seatedGroup();
        return model.seating().lastGroups().getOrDefault(who.personId(), 0);
    }

    private static Learning learning(Model model) {
        return model.slice(NAME, Learning.class);
    }
}
