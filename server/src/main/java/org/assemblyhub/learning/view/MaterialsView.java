package org.assemblyhub.learning.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.Agenda;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.learning.domain.Item;
import org.assemblyhub.learning.domain.Library;
import org.assemblyhub.learning.domain.Module;
import org.assemblyhub.learning.domain.StoredFile;
import org.assemblyhub.learning.domain.Task;

import java.util.List;
import java.util.Optional;

/**
 * The materials, the calendar and the material on stage, as each audience may see them: observers only public items;
 * members the content of open items, and only the title and opening of the others; quiz keys only to organisers.
 */
public final class MaterialsView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MaterialsView() {}

    public static ArrayNode modules(Library library, Phase phase, List<Agenda.Scheduled> schedule, Audience audience) {
        ArrayNode modules = JSON.arrayNode();
        boolean organiser = audience.kind() == Audience.Kind.ORGANISER;
        boolean observer = audience.kind() == Audience.Kind.OBSERVER;
        for (Module m : library.modules()) {
            ArrayNode items = JSON.arrayNode();
            for (Item item : library.itemsOf(m.id())) {
                if (observer && !library.isPublic(item)) continue;
                items.add(item(library, item, library.isOpen(item, phase, schedule), audience));
            }
            if (observer && items.isEmpty() && !m.isPublic()) continue;
            ObjectNode module = modules.addObject()
                    .put("id", m.id())
                    .put("title", m.title())
                    .put("public", m.isPublic());
            if (m.summary() != null) module.put("summary", m.summary());
            if (organiser || audience.kind() == Audience.Kind.EXPERT) {
                ArrayNode authors = module.putArray("authors");
                m.authors().forEach(authors::add);
            }
            module.set("items", items);
        }
        return modules;
    }

    private static ObjectNode item(Library library, Item item, boolean open, Audience audience) {
        boolean organiser = audience.kind() == Audience.Kind.ORGANISER;
        boolean authors = organiser || audience.kind() == Audience.Kind.EXPERT;
        ObjectNode node = JSON.objectNode()
                .put("id", item.id())
                .put("kind", item.kind().wire())
                .put("title", item.title())
                .put("public", library.isPublic(item))
                .put("open", open);
        if (item.speaker() != null) node.put("speaker", item.speaker());
        if (item.durationSeconds() > 0) node.put("durationSeconds", item.durationSeconds());
        if (item.prepareFor() != null) node.put("prepareFor", item.prepareFor());
        ObjectNode opens = node.putObject("opens");
        if (item.opens().at() != null) opens.put("at", item.opens().at().toString());
        if (item.opens().phase() != null)
            opens.put("phase", item.opens().phase().wire());
        if (item.opens().session() != null) opens.put("session", item.opens().session());
        if (!open && !organiser) return node;
        if (item.url() != null) node.put("url", item.url());
        file(library, item.file(), authors).ifPresent(f -> node.set("file", f));
        if (item.captions() != null) node.put("captions", item.captions());
        if (item.transcript() != null) node.put("transcript", item.transcript());
        // Observers see what members were taught, not the exercises members answer.
        if (item.task() != null && audience.kind() != Audience.Kind.OBSERVER)
            node.set("task", task(item.task(), organiser));
        return node;
    }

    /** A file's facts; its uploaded name only for those who publish (it is the uploader's, not checked text). */
    private static Optional<ObjectNode> file(Library library, String hash, boolean withName) {
        return library.file(hash).map((StoredFile f) -> {
            ObjectNode node = JSON.objectNode()
                    .put("hash", f.hash())
                    .put("kind", f.kind().wireName())
                    .put("mediaType", f.mediaType())
                    .put("bytes", f.bytes());
            if (withName) node.put("name", f.name());
            if (f.pages() > 0) node.put("pages", f.pages());
            return node;
        });
    }

    private static ObjectNode task(Task task, boolean withKeys) {
        ObjectNode node = JSON.objectNode().put("kind", task.kind().wire()).put("prompt", task.prompt());
        if (task.kind() == Task.Kind.QUIZ) {
            ArrayNode questions = node.putArray("questions");
            for (Task.QuizQuestion q : task.questions()) {
                ObjectNode question = questions.addObject().put("text", q.text());
                ArrayNode options = question.putArray("options");
                q.options().forEach(options::add);
                if (withKeys) {
                    question.put("correct", q.correct());
                    if (q.feedback() != null) question.put("feedback", q.feedback());
                }
            }
        }
        return node;
    }

    /** The script's sessions as a calendar, with what to prepare before each (the items this audience sees). */
    public static ArrayNode agenda(Library library, List<Agenda.Scheduled> schedule, Audience audience) {
        ArrayNode agenda = JSON.arrayNode();
        for (Agenda.Scheduled s : schedule) {
            ObjectNode session = agenda.addObject().put("id", s.id()).put("title", s.title());
            if (s.phase() != null) session.put("phase", s.phase().wire());
            if (s.plannedStart() != null)
                session.put("plannedStart", s.plannedStart().toString());
            else session.putNull("plannedStart");
            session.put("done", s.held() && !s.running()).put("current", s.running());
            ArrayNode prepare = session.putArray("prepare");
            for (Item item : library.items()) {
                if (!s.id().equals(item.prepareFor())) continue;
                if (audience.kind() == Audience.Kind.OBSERVER && !library.isPublic(item)) continue;
                prepare.add(item.id());
            }
        }
        return agenda;
    }

    /** The material of the learning segment on stage now, from the script. */
    public static Optional<ObjectNode> now(Optional<PlannedSegment> current, boolean qaLive) {
        return current.filter(s -> s.material() != null).map(s -> {
            PlannedSegment.Material m = s.material();
            ObjectNode node = JSON.objectNode().put("title", s.title()).put("material", m.title());
            if (m.speaker() != null) node.put("speaker", m.speaker());
            if (m.url() != null) node.put("url", m.url());
            node.put("qa", m.qa() && qaLive);
            return node;
        });
    }
}
