package org.assemblyhub.sortition.verify;

import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.draw.Commitment;
import org.assemblyhub.sortition.draw.Draw;
import org.assemblyhub.sortition.draw.PanelLottery.Lottery;
import org.assemblyhub.sortition.format.CommitmentJson;
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

/**
 * The organiser's side of a checkable draw, on a directory that is then published as it is: first the commitment
 * (before anyone knows the seed), then the draw from the announced inputs, computed from the files as written.
 */
public final class Publication {
    private Publication() {}

    public static Commitment commit(Path dir, SelectionProblem problem, SortitionSettings settings, Lottery lottery)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(Commitment.POOL, utf8(PublishedFiles.pool(problem.pool(), problem.quotas())));
        files.put(Commitment.QUOTAS, utf8(QuotasCsv.write(problem.quotas())));
        files.put(
                Commitment.SETTINGS,
                utf8(SettingsToml.write(settings.withPanelCount(lottery.panels().size()))));
        files.put(
                Commitment.PANELS,
                utf8(PublishedFiles.panels(PublishedFiles.panelIds(lottery.panels(), problem.pool()))));
        for (Map.Entry<String, byte[]> f : files.entrySet()) Files.write(dir.resolve(f.getKey()), f.getValue());
        Commitment commitment = Commitment.of(files);
        Files.writeString(
                dir.resolve(PublishedFiles.COMMITMENT),
                CommitmentJson.write(commitment, lottery.panels().size(), lottery.maxChange()));
        return commitment;
    }

    /** The draw the inputs would give, computed from the committed files as published, writing nothing. */
    public static Draw preview(Path dir, List<String> seedInputs) throws IOException {
        Published published = Published.read(dir).orThrow();
        return Draw.of(published.commitment().hash(), published.panels(), published.poolIds(), seedInputs);
    }

    public static Draw draw(Path dir, List<String> seedInputs) throws IOException {
        Files.writeString(dir.resolve(PublishedFiles.SEED_INPUTS), String.join("\n", seedInputs) + "\n");
        Published published = Published.read(dir).orThrow();
        Draw draw = Draw.of(published.commitment().hash(), published.panels(), published.poolIds(), seedInputs);
        Files.writeString(dir.resolve(PublishedFiles.DRAW), PublishedFiles.draw(draw));
        Files.writeString(dir.resolve(PublishedFiles.RESULT), PublishedFiles.result(draw));
        return draw;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
