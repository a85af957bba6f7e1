package org.assemblyhub.learning.domain;

import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Agenda;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Roster;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.learning.domain.LearningCommand.*;
import org.assemblyhub.learning.domain.LearningEvent.*;
import org.assemblyhub.learning.library.FileKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decides what may be published: files, modules, items, and when dated items open. */
public final class MaterialsDecider {
    private MaterialsDecider() {}

    /**
     * A file the upload route stored and checked, by {@code file.by()}: an organiser, or an expert named for a module.
     * The same bytes are recorded once; as another kind they are refused (a video is never read as a Markdown file).
     */
    public static Verdict storeFile(Library library, Roster roster, StoredFile file, Instant now) {
        Verdict refused = mayUpload(library, roster, file.by());
        if (refused != null) return refused;
        StoredFile before = library.file(file.hash()).orElse(null);
        if (before != null && before.kind() != file.kind())
            return Verdict.reject(
                    "wrong-file-kind",
                    "These bytes were uploaded before as a " + before.kind().wireName() + " file.");
        if (before != null) return Verdict.accept(List.of());
        return Verdict.accept(new FileStored(file, now));
    }

    /** Asked by the upload route before it reads a byte: whether {@code by} may upload, and the bytes stored so far. */
    public static Verdict checkUpload(Library library, Roster roster, String by) {
        Verdict refused = mayUpload(library, roster, by);
        if (refused != null) return refused;
        return new Verdict.Answered(Map.of("storedBytes", library.storedBytes()));
    }

    private static Verdict mayUpload(Library library, Roster roster, String by) {
        Role role = roster.person(by).map(Person::role).orElse(null);
        if (role == Role.ORGANISER || (role == Role.EXPERT && namedAnywhere(library, by))) return null;
        return notAnAuthor();
    }

    public static Verdict publishModule(Library library, Roster roster, PublishModule c, Instant now) {
        Module before = library.module(c.moduleId()).orElse(null);
        if (c.moduleId() != null && before == null) return noSuchModule();
        List<String> authors = c.authors() != null ? c.authors() : before == null ? List.of() : before.authors();
        for (String id : authors) {
            if (roster.person(id).map(p -> p.role() != Role.EXPERT).orElse(true))
                return Verdict.reject("no-such-person", "'" + id + "' is not one of this assembly's experts.");
        }
        String id = before == null ? library.nextModuleId() : before.id();
        return Verdict.accept(new ModulePublished(new Module(id, c.title(), c.summary(), c.isPublic(), authors), now));
    }

    public static Verdict publishItem(
            Library library, Acting who, Item item, List<Agenda.Scheduled> schedule, Instant now) {
        Module module = library.module(item.moduleId()).orElse(null);
        if (module == null) return noSuchModule();
        if (!mayPublishIn(module, who)) return notAnAuthor();
        Item before = library.item(item.id()).orElse(null);
        if (item.id() != null && (before == null || !before.moduleId().equals(item.moduleId()))) return noSuchItem();
        String problem = filesProblem(library, item, before, who);
        if (problem != null)
            return Verdict.reject(
                    problem.startsWith("no-such") ? "no-such-file" : "wrong-file-kind",
                    problem.substring(problem.indexOf(':') + 1).trim());
        String missing =
                switch (item.kind()) {
                    case TALK -> item.file() == null && item.url() == null
                            ? "A talk needs a video file or a link."
                            : null;
                    case READING -> item.file() == null && item.url() == null
                            ? "A reading needs a file or a link."
                            : null;
                    case LINK -> item.url() == null ? "A link needs its 'url'." : null;
                };
        if (missing != null) return Verdict.reject("invalid-args", missing);
        if (item.task() != null && item.task().problem() != null)
            return Verdict.reject("invalid-task", item.task().problem());
        for (String session : new String[] {
            item.prepareFor(), item.opens() == null ? null : item.opens().session()
        }) {
            if (session != null && schedule.stream().noneMatch(s -> s.id().equals(session)))
                return Verdict.reject("no-such-session", "The script has no session '" + session + "'.");
        }
        String id = before == null ? library.nextItemId() : before.id();
        Item published = new Item(
                id,
                item.moduleId(),
                item.kind(),
                item.title(),
                item.speaker(),
                item.url(),
                item.file(),
                item.captions(),
                item.transcript(),
                item.durationSeconds(),
                item.isPublic(),
                item.opens() == null ? Opening.NOW : item.opens(),
                item.prepareFor(),
                item.task());
        List<LearningEvent> events = new ArrayList<>();
        events.add(new ItemPublished(published, who.personId(), now));
        if (published.opens().at() != null && !published.opens().at().isAfter(now))
            events.add(new ItemsOpened(List.of(id), now));
        return Verdict.accept(events);
    }

    public static Verdict withdraw(Library library, Acting who, String itemId, Instant now) {
        Item item = library.item(itemId).orElse(null);
        if (item == null) return noSuchItem();
        if (!library.module(item.moduleId()).map(m -> mayPublishIn(m, who)).orElse(false)) return notAnAuthor();
        return Verdict.accept(new ItemWithdrawn(itemId, now));
    }

    public static Verdict openDue(Library library, Instant now) {
        List<String> due = library.dueAt(now);
        if (due.isEmpty()) return Verdict.reject("not-due", "No item is due to open.");
        return Verdict.accept(new ItemsOpened(due, now));
    }

    private static boolean mayPublishIn(Module module, Acting who) {
        return who.role() == Role.ORGANISER || who.isHub() || module.authors().contains(who.personId());
    }

    private static boolean namedAnywhere(Library library, String personId) {
        return library.modules().stream().anyMatch(m -> m.authors().contains(personId));
    }

    /** "no-such: …" or "kind: …" when a file field names a file that is not stored or not of the right kind. */
    private static String filesProblem(Library library, Item item, Item before, Acting who) {
        List<FileKind> main = item.kind() == Item.Kind.TALK
                ? List.of(FileKind.VIDEO)
                : item.kind() == Item.Kind.READING ? List.of(FileKind.PDF, FileKind.MARKDOWN) : List.of();
        String[][] fields = {
            {"file", item.file()}, {"captions", item.captions()}, {"transcript", item.transcript()},
        };
        for (String[] field : fields) {
            if (field[1] == null) continue;
            StoredFile f = library.file(field[1]).orElse(null);
            // An expert attaches the files they uploaded: never another module's private file to a public item.
            // (or keeps a file the item already had: editing an organiser's item leaves its video in place)
            boolean theirs = who.role() != Role.EXPERT
                    || who.personId().equals(f == null ? null : f.by())
                    || (before != null && before.uses(field[1]));
            if (f == null || !theirs) return "no-such: No file " + field[1] + " was uploaded to this assembly by you.";
            List<FileKind> allowed =
                    switch (field[0]) {
                        case "file" -> main;
                        case "captions" -> item.kind() == Item.Kind.TALK ? List.of(FileKind.CAPTIONS) : List.of();
                        default -> item.kind() == Item.Kind.TALK ? List.of(FileKind.MARKDOWN) : List.of();
                    };
            if (!allowed.contains(f.kind()))
                return "kind: A " + f.kind().wireName() + " file cannot be the " + field[0] + " of a "
                        + item.kind().wire() + ".";
        }
        return null;
    }

    static Verdict noSuchModule() {
        return Verdict.reject("no-such-module", "There is no such module.");
    }

    static Verdict noSuchItem() {
        return Verdict.reject("no-such-item", "There is no such item (it may have been withdrawn).");
    }

    static Verdict notAnAuthor() {
        return Verdict.reject(
                "not-an-author", "Only organisers and the experts named for this module can publish in it.");
    }
}
