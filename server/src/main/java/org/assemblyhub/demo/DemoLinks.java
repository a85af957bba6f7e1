package org.assemblyhub.demo;

import org.assemblyhub.store.PrivateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo's links as {@code <data>/demo-links.txt} holds them, one line per person — role, name, personal link — and
 * the public page last. The launcher prints the file and the switcher ({@code /demo}) offers what it says, so
 * whoever changes a link writes the whole file again, atomically: a reader sees the old lines or the new, never half.
 */
public record DemoLinks(List<Entry> entries) {
    /** What the link column says once a person's link was revoked. */
    static final String REVOKED = "(revoked)";

    static final String OBSERVER = "observer";

    public DemoLinks {
        entries = List.copyOf(entries);
    }

    /**
     * @param personId the roster's id ({@code organiser-1}, {@code f1}…), null for the public page
     * @param role     as the file says it: organiser, facilitator, member, expert, observer
     * @param link     the personal link ({@code …/join/<token>}) or the public page, null once revoked
     */
    public record Entry(String personId, String role, String name, String link) {
        String line() {
            return String.format("%-11s %-21s %s", role, name, link == null ? REVOKED : link);
        }

        /** The invitation token of a personal link, or null (the public page, a revoked link). */
        public String token() {
            return link == null || !link.contains("/join/") ? null : link.substring(link.lastIndexOf('/') + 1);
        }

        public boolean isObserver() {
            return personId == null;
        }
    }

    /** Reads the file's lines; a line that names no demo person (edited by hand) is kept as the public page only. */
    public static DemoLinks parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            String text = line.strip();
            int firstSpace = text.indexOf(' ');
            int lastSpace = text.lastIndexOf(' ');
            if (text.isEmpty() || firstSpace < 0) continue;
            String role = text.substring(0, firstSpace);
            String name = text.substring(firstSpace, lastSpace).strip();
            String link = text.substring(lastSpace + 1);
            String personId = OBSERVER.equals(role) ? null : DemoAssembly.personIdOf(role, name);
            if (personId == null && !OBSERVER.equals(role)) continue;
            entries.add(new Entry(personId, role, name, REVOKED.equals(link) ? null : link));
        }
        return new DemoLinks(entries);
    }

    public List<String> lines() {
        return entries.stream().map(Entry::line).toList();
    }

    public Optional<Entry> person(String personId) {
        return entries.stream().filter(e -> personId.equals(e.personId())).findFirst();
    }

    /** The same people with {@code personId}'s link replaced ({@code link} null: revoked). */
    public DemoLinks withLink(String personId, String link) {
        return new DemoLinks(entries.stream()
                .map(e -> personId.equals(e.personId()) ? new Entry(e.personId(), e.role(), e.name(), link) : e)
                .toList());
    }

    /**
     * The same links under another start ({@code --port} or {@code --public-url} changed since the file was made): the
     * tokens stay valid, only the address in front of them moves.
     */
    public DemoLinks at(String publicUrl) {
        return new DemoLinks(entries.stream()
                .map(e ->
                        e.link() == null ? e : new Entry(e.personId(), e.role(), e.name(), rebase(e.link(), publicUrl)))
                .toList());
    }

    private static String rebase(String link, String publicUrl) {
        for (String path : List.of("/join/", "/a/")) {
            int at = link.lastIndexOf(path);
            if (at >= 0) return publicUrl + link.substring(at);
        }
        return link;
    }

    /** Replaces the file: a private temporary file, synced, renamed over the old one. */
    public void write(Path file) throws IOException {
        PrivateFiles.writeAtomically(file, (String.join("\n", lines()) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
