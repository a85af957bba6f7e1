package org.assemblyhub.learning.domain;

import org.assemblyhub.kernel.Agenda;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.learning.domain.LearningEvent.*;

import java.io.Serializable;
import java.time.Instant;
import java.util.*;

/** The fold of the materials' events: stored files, modules, items, which dated items have opened, the options. */
public final class Library implements Serializable {
    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private final Map<String, Module> modules = new LinkedHashMap<>();
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Set<String> opened = new HashSet<>();
    private int modulesMade;
    private int itemsMade;
    private boolean namedProgress;

    void evolve(LearningEvent event) {
        if (event instanceof FileStored e) files.putIfAbsent(e.file().hash(), e.file());
        else if (event instanceof ModulePublished e) {
            if (!modules.containsKey(e.module().id())) modulesMade++;
            modules.put(e.module().id(), e.module());
        } else if (event instanceof ItemPublished e) {
            if (!items.containsKey(e.item().id())) itemsMade++;
            items.put(e.item().id(), e.item());
        } else if (event instanceof ItemWithdrawn e) items.remove(e.itemId());
        else if (event instanceof ItemsOpened e) opened.addAll(e.itemIds());
        else if (event instanceof LearningOptionsSet e) namedProgress = e.namedProgress();
    }

    public Optional<StoredFile> file(String hash) {
        return Optional.ofNullable(hash == null ? null : files.get(hash));
    }

    public Optional<Module> module(String id) {
        return Optional.ofNullable(id == null ? null : modules.get(id));
    }

    public Optional<Item> item(String id) {
        return Optional.ofNullable(id == null ? null : items.get(id));
    }

    public Collection<Module> modules() {
        return Collections.unmodifiableCollection(modules.values());
    }

    public Collection<Item> items() {
        return Collections.unmodifiableCollection(items.values());
    }

    public List<Item> itemsOf(String moduleId) {
        return items.values().stream()
                .filter(i -> i.moduleId().equals(moduleId))
                .toList();
    }

    public String nextModuleId() {
        return "m" + (modulesMade + 1);
    }

    public String nextItemId() {
        return "t" + (itemsMade + 1);
    }

    /** All the bytes of the files recorded for this assembly. */
    public long storedBytes() {
        return files.values().stream().mapToLong(StoredFile::bytes).sum();
    }

    public boolean namedProgress() {
        return namedProgress;
    }

    /** Public items are visible to observers, with their files: the item's own flag or its module's. */
    public boolean isPublic(Item item) {
        return item.isPublic() || module(item.moduleId()).map(Module::isPublic).orElse(false);
    }

    /**
     * Whether members can use the item now: at once, once its date came (recorded by {@link ItemsOpened}), once the
     * assembly reached its phase, or once its session started.
     */
    public boolean isOpen(Item item, Phase phase, List<Agenda.Scheduled> schedule) {
        Opening o = item.opens();
        if (o == null || o.now()) return true;
        if (o.at() != null) return opened.contains(item.id());
        if (o.phase() != null) return phase.ordinal() >= o.phase().ordinal();
        return schedule.stream().anyMatch(s -> s.id().equals(o.session()) && (s.held() || s.running()));
    }

    /** Items waiting for a date that has not come yet, the soonest first. */
    public Optional<Instant> nextOpening() {
        return items.values().stream()
                .filter(i -> i.opens() != null && i.opens().at() != null && !opened.contains(i.id()))
                .map(i -> i.opens().at())
                .min(Instant::compareTo);
    }

    public List<String> dueAt(Instant now) {
        return items.values().stream()
                .filter(i -> i.opens() != null
                        && i.opens().at() != null
                        && !opened.contains(i.id())
                        && !i.opens().at().isAfter(now))
                .map(Item::id)
                .toList();
    }

    /** Whether an observer may fetch this file: one of a public item's that is open. */
    public boolean isPublicFile(String hash, Phase phase, List<Agenda.Scheduled> schedule) {
        return items.values().stream().anyMatch(i -> i.uses(hash) && isPublic(i) && isOpen(i, phase, schedule));
    }
}
