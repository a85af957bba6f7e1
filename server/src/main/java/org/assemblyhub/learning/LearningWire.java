package org.assemblyhub.learning;

import static org.assemblyhub.kernel.plug.PlainWire.checked;
import static org.assemblyhub.kernel.plug.WireCommand.DESK;
import static org.assemblyhub.kernel.plug.WireCommand.HUB_ONLY;
import static org.assemblyhub.kernel.plug.WireCommand.ORGANISERS;
import static org.assemblyhub.kernel.plug.WireCommand.PARTICIPANTS;
import static org.assemblyhub.kernel.plug.WireCommand.of;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.plug.Decoded;
import org.assemblyhub.kernel.plug.WireArgs;
import org.assemblyhub.kernel.plug.WireCommand;
import org.assemblyhub.learning.domain.Item;
import org.assemblyhub.learning.domain.LearningCommand.*;
import org.assemblyhub.learning.domain.Module;
import org.assemblyhub.learning.domain.Opening;
import org.assemblyhub.learning.domain.Question;
import org.assemblyhub.learning.domain.StoredFile;
import org.assemblyhub.learning.domain.Task;
import org.assemblyhub.learning.library.FileKind;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Wire commands of the learning phase (docs/learning.md): the shapes; the rules are the deciders'. */
public final class LearningWire {
    private LearningWire() {}

    /** Who publishes: organisers, and the experts they name for a module (the decider checks which). */
    static final Set<Role> PUBLISHERS = Set.of(Role.ORGANISER, Role.EXPERT);
    /** Who answers the experts' questions: experts, and the lead or organisers for them. */
    static final Set<Role> ANSWERERS = Set.of(Role.ORGANISER, Role.FACILITATOR, Role.EXPERT);

    private static final String HASH = "[0-9a-f]{64}";

    private static final Map<String, Item.Kind> KINDS =
            Map.of("talk", Item.Kind.TALK, "reading", Item.Kind.READING, "link", Item.Kind.LINK);

    public static final List<WireCommand> COMMANDS = List.of(
            of("check-upload", HUB_ONLY, (a, c) -> Decoded.ok(new CheckUpload(a.id("by")))),
            of("store-file", HUB_ONLY, (a, c) -> {
                FileKind kind = FileKind.parse(a.requiredText("kind", 20))
                        .orElseThrow(() -> new WireArgs.BadArgs("'kind' is video, pdf, markdown or captions."));
                return Decoded.ok(new StoreFile(new StoredFile(
                        hash(a, "hash", true),
                        kind,
                        a.requiredText("mediaType", 100),
                        a.integer("bytes", 0, Integer.MAX_VALUE),
                        a.requiredText("name", 200),
                        a.integer("pages", 0, 1_000_000, 0),
                        a.id("by"))));
            }),
            of("publish-module", ORGANISERS, (a, c) -> {
                String title = a.requiredText("title", Module.MAX_TITLE);
                String summary = a.text("summary", Module.MAX_SUMMARY);
                List<String> authors = a.has("authors") ? ids(a, "authors", Module.MAX_AUTHORS) : null;
                return checked(
                        new PublishModule(a.optionalId("moduleId"), title, summary, a.flag("public", false), authors),
                        title,
                        summary);
            }),
            of("publish-item", PUBLISHERS, (a, c) -> {
                String url = a.text("url", Item.MAX_URL);
                if (url != null && !isHttp(url))
                    return Decoded.failed("url-not-http", "A link must be an http:// or https:// address.");
                Item.Kind kind = a.oneOf("kind", KINDS, null);
                if (kind == null) throw new WireArgs.BadArgs("'kind' is talk, reading or link.");
                Task task = task(a.object("task"));
                String title = a.requiredText("title", Item.MAX_TITLE);
                String speaker = a.text("speaker", Item.MAX_TITLE);
                Item item = new Item(
                        a.optionalId("itemId"),
                        a.id("moduleId"),
                        kind,
                        title,
                        speaker,
                        url,
                        hash(a, "file", false),
                        hash(a, "captions", false),
                        hash(a, "transcript", false),
                        a.integer("durationSeconds", 0, Item.MAX_DURATION, 0),
                        a.flag("public", false),
                        opening(a.object("opens")),
                        a.optionalId("prepareFor"),
                        task);
                List<String> texts = new ArrayList<>();
                if (task != null) {
                    texts.add(task.prompt());
                    for (Task.QuizQuestion q : task.questions()) {
                        texts.add(q.text());
                        texts.add(q.feedback());
                        texts.addAll(q.options());
                    }
                }
                return checked(new PublishItem(item), title, speaker, texts);
            }),
            of("withdraw-item", PUBLISHERS, (a, c) -> Decoded.ok(new WithdrawItem(a.id("itemId")))),
            of(
                    "set-learning-options",
                    ORGANISERS,
                    (a, c) -> Decoded.ok(new SetOptions(a.flag("namedProgress", false)))),
            of("mark-done", PARTICIPANTS, (a, c) -> {
                String how = a.text("how", 20);
                if (how != null && !how.equals("explicit") && !how.equals("watched"))
                    throw new WireArgs.BadArgs("'how' is explicit or watched.");
                return Decoded.ok(new MarkDone(a.id("itemId"), a.flag("done", true), "watched".equals(how)));
            }),
            of("answer-task", PARTICIPANTS, (a, c) -> {
                String text = a.text("text", Task.MAX_REFLECTION * 2);
                return checked(
                        new AnswerTask(a.id("itemId"), text, a.integers("choices", Task.MAX_QUESTIONS * 2, 0, 100)),
                        text);
            }),
            of("learning-mine", PARTICIPANTS, (a, c) -> Decoded.ok(new Mine())),
            of("learning-progress", DESK, (a, c) -> Decoded.ok(new Progress())),
            of("task-answers", DESK, (a, c) -> Decoded.ok(new TaskAnswers(a.id("itemId")))),
            of("bring-answer", DESK, (a, c) -> Decoded.ok(new BringAnswer(a.id("itemId"), a.id("personId")))),
            of("ask-question", PARTICIPANTS, (a, c) -> {
                String text = a.requiredText("text", Question.MAX_TEXT);
                return checked(new AskQuestion(text), text);
            }),
            of(
                    "upvote-question",
                    PARTICIPANTS,
                    (a, c) -> Decoded.ok(new Upvote(a.id("questionId"), a.flag("vote", true)))),
            of("approve-question", DESK, (a, c) -> Decoded.ok(new Approve(a.id("questionId")))),
            of("edit-question", DESK, (a, c) -> {
                String text = a.requiredText("text", Question.MAX_TEXT);
                String note = a.requiredText("note", Question.MAX_NOTE);
                return checked(new Edit(a.id("questionId"), text, note), text, note);
            }),
            of("hide-question", DESK, (a, c) -> {
                String reason = a.requiredText("reason", Question.MAX_REASON);
                return checked(new Hide(a.id("questionId"), reason), reason);
            }),
            of("merge-question", DESK, (a, c) -> Decoded.ok(new Merge(a.id("questionId"), a.id("into")))),
            of("answer-question", ANSWERERS, (a, c) -> {
                String text = a.text("text", Question.MAX_ANSWER);
                return checked(
                        new AnswerQuestion(a.id("questionId"), text == null || text.isEmpty() ? null : text), text);
            }),
            of("open-qa", DESK, (a, c) -> {
                String title = a.text("title", Item.MAX_TITLE);
                return checked(new OpenQa(title), title);
            }),
            of("close-qa", DESK, (a, c) -> Decoded.ok(new CloseQa())));

    private static boolean isHttp(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String hash(WireArgs a, String key, boolean required) {
        String value = required ? a.requiredText(key, 64) : a.text(key, 64);
        if (value == null) return null;
        if (!value.matches(HASH))
            throw new WireArgs.BadArgs("'" + key + "' is the SHA-256 of a stored file (64 hex digits).");
        return value;
    }

    private static List<String> ids(WireArgs a, String key, int max) {
        List<String> ids = a.texts(key, max, 64);
        for (String id : ids) {
            if (id.isEmpty() || !id.chars().allMatch(ch -> ch > 32 && ch < 127))
                throw new WireArgs.BadArgs("'" + key + "' holds person ids.");
        }
        return ids;
    }

    private static Opening opening(WireArgs o) {
        if (o == null) return Opening.NOW;
        String at = o.text("at", 40);
        Phase phase = o.has("phase") ? Phase.parse(o.text("phase", 20)) : null;
        if (o.has("phase") && phase == null)
            throw new WireArgs.BadArgs("'opens.phase' is onboarding, learning, deliberation or decision.");
        String session = o.optionalId("session");
        int given = (at == null ? 0 : 1) + (phase == null ? 0 : 1) + (session == null ? 0 : 1);
        if (given > 1) throw new WireArgs.BadArgs("'opens' names one of at, phase or session.");
        try {
            return new Opening(at == null ? null : Instant.parse(at), phase, session);
        } catch (DateTimeParseException e) {
            throw new WireArgs.BadArgs("'opens.at' is an instant such as 2027-01-10T17:00:00Z.");
        }
    }

    private static Task task(WireArgs t) {
        if (t == null) return null;
        Task.Kind kind = Task.Kind.parse(t.text("kind", 20));
        if (kind == null) throw new WireArgs.BadArgs("'task.kind' is reflection, question or quiz.");
        String prompt = t.requiredText("prompt", Task.MAX_PROMPT);
        List<Task.QuizQuestion> questions = new ArrayList<>();
        for (Object o : t.list("questions", Task.MAX_QUESTIONS)) {
            if (!(o instanceof JsonObject q)) throw new WireArgs.BadArgs("'task.questions' holds objects.");
            WireArgs question = new WireArgs(q);
            questions.add(new Task.QuizQuestion(
                    question.requiredText("text", Task.MAX_PROMPT),
                    question.texts("options", Task.QuizQuestion.MAX_OPTIONS, Item.MAX_TITLE),
                    question.integer("correct", 0, Task.QuizQuestion.MAX_OPTIONS - 1),
                    question.text("feedback", Task.MAX_PROMPT)));
        }
        return new Task(kind, prompt, questions);
    }
}
