package org.assemblyhub.sortition.verify;

import org.assemblyhub.sortition.domain.Checked;
import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.PanelRules;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.draw.Commitment;
import org.assemblyhub.sortition.draw.Draw;
import org.assemblyhub.sortition.draw.Hashes;
import org.assemblyhub.sortition.format.CommitmentJson;
import org.assemblyhub.sortition.format.PublishedFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recomputes a published draw from its directory and says whether it matches, naming the first thing that differs:
 * each committed file against its hash, the commitment, the list of panels (m of them, k known people each, every
 * one meeting the quotas), the seed from the seed inputs, the panel index, then the selected and the alternates.
 * The household rule cannot be checked: addresses are never published.
 */
public final class SortitionVerifier {
    /** The verdict, with what was checked in order; {@code firstDifference} is empty when everything matches. */
    public record Verification(List<String> checked, Optional<String> firstDifference) {
        public boolean matches() {
            return firstDifference.isEmpty();
        }
    }

    private SortitionVerifier() {}

    public static Verification verify(Path dir) {
        List<String> checked = new ArrayList<>();
        try {
            Optional<String> difference = check(dir, checked);
            return new Verification(checked, difference);
        } catch (IOException e) {
            return new Verification(checked, Optional.of("cannot read " + dir + ": " + e.getMessage()));
        }
    }

    private static Optional<String> check(Path dir, List<String> checked) throws IOException {
        Path commitmentFile = dir.resolve(PublishedFiles.COMMITMENT);
        if (!Files.isRegularFile(commitmentFile)) return Optional.of(PublishedFiles.COMMITMENT + " is missing");
        Checked<Commitment> claimed = CommitmentJson.read(Files.readString(commitmentFile));
        if (!(claimed instanceof Checked.Valid<Commitment> valid)) return first(claimed);
        Commitment commitment = valid.value();
        for (String f : Commitment.FILES) {
            Path file = dir.resolve(f);
            if (!Files.isRegularFile(file)) return Optional.of(f + " is missing");
            if (!Hashes.sha256Hex(Files.readAllBytes(file))
                    .equals(commitment.fileHashes().get(f))) {
                return Optional.of(f + " does not match its hash in " + PublishedFiles.COMMITMENT);
            }
            checked.add(f + " matches its hash");
        }
        if (!Commitment.combine(commitment.fileHashes()).equals(commitment.hash())) {
            return Optional.of("the commitment hash in " + PublishedFiles.COMMITMENT + " is not the hash of the files'"
                    + " hashes");
        }
        checked.add("the commitment is the hash of the files' hashes");
        Checked<Published> read = Published.read(dir);
        if (!(read instanceof Checked.Valid<Published> ok)) return first(read);
        Published published = ok.value();
        Optional<String> panels = checkPanels(published);
        if (panels.isPresent()) return panels;
        checked.add(published.panels().size() + " panels, each meeting the quotas");
        Path inputsFile = dir.resolve(PublishedFiles.SEED_INPUTS);
        if (!Files.isRegularFile(inputsFile)) return Optional.of(PublishedFiles.SEED_INPUTS + " is missing");
        List<String> inputs = Files.readAllLines(inputsFile);
        Draw draw = Draw.of(commitment.hash(), published.panels(), published.poolIds(), inputs);
        Optional<String> drawn = compareLines(dir, PublishedFiles.DRAW, PublishedFiles.draw(draw));
        if (drawn.isPresent()) return drawn;
        checked.add("the seed and the panel index follow from " + PublishedFiles.SEED_INPUTS);
        Optional<String> result = compareLines(dir, PublishedFiles.RESULT, PublishedFiles.result(draw));
        if (result.isPresent()) return result;
        checked.add("the selected panel and the alternates' order are those of the draw");
        return Optional.empty();
    }

    private static Optional<String> checkPanels(Published p) {
        if (p.panels().size() != p.settings().panelCount()) {
            return Optional.of(Commitment.PANELS + " has " + p.panels().size() + " panels, the settings say "
                    + p.settings().panelCount());
        }
        SelectionProblem problem =
                new SelectionProblem(p.pool(), p.quotas(), p.settings().panelSize(), false);
        for (int j = 0; j < p.panels().size(); j++) {
            List<String> ids = p.panels().get(j);
            Set<String> distinct = new HashSet<>(ids);
            int[] members = new int[ids.size()];
            for (int a = 0; a < ids.size(); a++) {
                members[a] = problem.indexOf(ids.get(a));
                if (members[a] < 0)
                    return Optional.of("panel " + j + " names " + ids.get(a) + ", who is not in the pool");
            }
            if (distinct.size() != ids.size()) return Optional.of("panel " + j + " names someone twice");
            List<String> broken = PanelRules.broken(problem, new Panel(members));
            if (!broken.isEmpty()) return Optional.of("panel " + j + " breaks the quotas: " + broken.get(0));
        }
        return Optional.empty();
    }

    private static Optional<String> compareLines(Path dir, String file, String expected) throws IOException {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) return Optional.of(file + " is missing");
        String[] found = Files.readString(path).split("\n", -1);
        String[] wanted = expected.split("\n", -1);
        for (int i = 0; i < Math.max(found.length, wanted.length); i++) {
            String f = i < found.length ? found[i] : "(nothing)";
            String w = i < wanted.length ? wanted[i] : "(nothing)";
            if (!f.equals(w)) {
                return Optional.of(file + " line " + (i + 1) + " says '" + f + "' but the draw gives '" + w + "'");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> first(Checked<?> invalid) {
        return Optional.of(invalid.problems().get(0).toString());
    }
}
