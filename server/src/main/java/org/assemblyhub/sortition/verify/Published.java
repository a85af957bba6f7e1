package org.assemblyhub.sortition.verify;

import org.assemblyhub.sortition.domain.Checked;
import org.assemblyhub.sortition.domain.InputProblem;
import org.assemblyhub.sortition.domain.Quotas;
import org.assemblyhub.sortition.domain.Volunteer;
import org.assemblyhub.sortition.draw.Commitment;
import org.assemblyhub.sortition.format.CommitmentJson;
import org.assemblyhub.sortition.format.PeopleCsv;
import org.assemblyhub.sortition.format.PublishedFiles;
import org.assemblyhub.sortition.format.QuotasCsv;
import org.assemblyhub.sortition.format.SettingsToml;
import org.assemblyhub.sortition.format.SortitionSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The committed files of a published directory, read back: raw bytes for the hashes, and what they say. */
record Published(
        Map<String, byte[]> bytes,
        Commitment commitment,
        Quotas quotas,
        SortitionSettings settings,
        List<Volunteer> pool,
        List<List<String>> panels) {

    List<String> poolIds() {
        return pool.stream().map(Volunteer::id).toList();
    }

    static Checked<Published> read(Path dir) throws IOException {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (String f : Commitment.FILES) {
            Path file = dir.resolve(f);
            if (!Files.isRegularFile(file)) return missing(f);
            bytes.put(f, Files.readAllBytes(file));
        }
        Path commitmentFile = dir.resolve(PublishedFiles.COMMITMENT);
        if (!Files.isRegularFile(commitmentFile)) return missing(PublishedFiles.COMMITMENT);
        Checked<Commitment> commitment = CommitmentJson.read(Files.readString(commitmentFile));
        Checked<Quotas> quotas = QuotasCsv.read(text(bytes, Commitment.QUOTAS));
        Checked<SortitionSettings> settings = SettingsToml.read(text(bytes, Commitment.SETTINGS));
        Checked<List<List<String>>> panels = PublishedFiles.readPanels(text(bytes, Commitment.PANELS));
        for (Checked<?> c : List.of(commitment, quotas, settings, panels)) {
            if (!c.problems().isEmpty()) return Checked.invalid(c.problems());
        }
        SortitionSettings pseudonymised =
                SortitionSettings.of("id", settings.orThrow().panelSize());
        Checked<List<Volunteer>> pool = PeopleCsv.read(text(bytes, Commitment.POOL), quotas.orThrow(), pseudonymised);
        if (!pool.problems().isEmpty()) return Checked.invalid(pool.problems());
        return Checked.valid(new Published(
                bytes, commitment.orThrow(), quotas.orThrow(), settings.orThrow(), pool.orThrow(), panels.orThrow()));
    }

    private static String text(Map<String, byte[]> bytes, String file) {
        return new String(bytes.get(file), StandardCharsets.UTF_8);
    }

    private static Checked<Published> missing(String file) {
        return Checked.invalid(List.of(new InputProblem(file, "is missing")));
    }
}
