package org.assemblyhub.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.draw.Commitment;
import org.assemblyhub.sortition.draw.Draw;
import org.assemblyhub.sortition.draw.PanelIndex;
import org.assemblyhub.sortition.draw.PanelLottery;
import org.assemblyhub.sortition.draw.PanelLottery.Lottery;
import org.assemblyhub.sortition.draw.Seed;
import org.assemblyhub.sortition.format.PublishedFiles;
import org.assemblyhub.sortition.format.SortitionSettings;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.verify.Publication;
import org.assemblyhub.sortition.verify.SortitionCli;
import org.assemblyhub.sortition.verify.SortitionVerifier;
import org.assemblyhub.sortition.verify.SortitionVerifier.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class DrawTest {
    static final List<String> WITNESSES =
            List.of("witness Amal: 4821", "witness Bruno: 77", "lottery 2026-12-05: 3 14 15");
    static final SelectionProblem PROBLEM = Pools.skewed();
    static final Distribution LEXIMIN = SelectionTest.select(PROBLEM, Algorithm.LEXIMIN);

    static final Lottery LOTTERY = lottery(1000);

    static Lottery lottery(int m) {
        return PanelLottery.round(LEXIMIN, m, PROBLEM.size(), SelectionTest.SOLVER, Duration.ofSeconds(5));
    }

    static Path published(Path dir) throws IOException {
        SortitionSettings settings = SortitionSettings.of("id", PROBLEM.panelSize());
        Publication.commit(dir, PROBLEM, settings, LOTTERY);
        Publication.draw(dir, WITNESSES);
        return dir;
    }

    @Test
    void the_m_equally_likely_panels_keep_everyones_probability_within_the_change_they_report() {
        for (int m : List.of(1000, 100)) {
            Lottery lottery = m == 1000 ? LOTTERY : lottery(m);
            assertThat(lottery.panels()).hasSize(m);
            double[] after = new double[PROBLEM.size()];
            for (Panel p : lottery.panels()) for (int i : p.members()) after[i] += 1.0 / m;
            double moved = 0;
            for (int i = 0; i < after.length; i++) moved = Math.max(moved, Math.abs(after[i] - LEXIMIN.probability(i)));
            assertThat(lottery.maxChange()).isCloseTo(moved, within(1e-12));
            // One more or one fewer copy of a panel moves its members by 1/m; the program keeps the sum near that.
            assertThat(moved).isLessThanOrEqualTo(2.0 / m);
        }
    }

    @Test
    void the_panel_index_depends_only_on_the_seed_and_every_index_is_as_likely() {
        byte[] seed = Seed.of("00", WITNESSES);
        assertThat(PanelIndex.of(seed, 1000)).isEqualTo(PanelIndex.of(seed.clone(), 1000));
        int[] counts = new int[3];
        for (int s = 0; s < 3000; s++) counts[PanelIndex.of(Seed.of("00", List.of("draw " + s)), 3)]++;
        for (int c : counts) assertThat(c).isBetween(900, 1100);
    }

    @Test
    void the_draw_is_reproducible_from_the_published_files(@TempDir Path dir) throws IOException {
        published(dir);
        Verification v = SortitionVerifier.verify(dir);
        assertThat(v.firstDifference()).isEmpty();
        assertThat(v.checked()).hasSize(8);
        String result = Files.readString(dir.resolve(PublishedFiles.RESULT));
        Publication.draw(dir, WITNESSES);
        assertThat(Files.readString(dir.resolve(PublishedFiles.RESULT))).isEqualTo(result);
        assertThat(result.lines().filter(l -> l.endsWith(",selected,")).count()).isEqualTo(PROBLEM.panelSize());
        assertThat(Files.readString(dir.resolve(Commitment.POOL)))
                .startsWith("id,age,education,gender\np0,old,degree,f\n");
    }

    @Test
    void changing_one_byte_of_any_committed_file_changes_the_commitment(@TempDir Path dir) throws IOException {
        published(dir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String f : Commitment.FILES) files.put(f, Files.readAllBytes(dir.resolve(f)));
        String original = Commitment.of(files).hash();
        for (String f : Commitment.FILES) {
            byte[] bytes = files.get(f);
            for (int at : new int[] {0, bytes.length / 2, bytes.length - 1}) {
                Map<String, byte[]> changed = new LinkedHashMap<>(files);
                byte[] copy = bytes.clone();
                copy[at] ^= 1;
                changed.put(f, copy);
                assertThat(Commitment.of(changed).hash()).as(f + " byte " + at).isNotEqualTo(original);
            }
            Files.write(dir.resolve(f), flipped(bytes));
            assertThat(SortitionVerifier.verify(dir).firstDifference())
                    .contains(f + " does not match its hash in commitment.json");
            Files.write(dir.resolve(f), bytes);
        }
        assertThat(SortitionVerifier.verify(dir).matches()).isTrue();
    }

    @Test
    void verify_detects_a_swapped_panel(@TempDir Path dir) throws IOException {
        published(dir);
        List<String> result = Files.readAllLines(dir.resolve(PublishedFiles.RESULT));
        List<String> swapped = new ArrayList<>(result);
        String firstSelected = result.get(1).split(",")[0];
        String firstAlternate = result.get(1 + PROBLEM.panelSize()).split(",")[0];
        swapped.set(1, firstAlternate + ",selected,");
        swapped.set(1 + PROBLEM.panelSize(), firstSelected + ",alternate,1");
        Files.write(dir.resolve(PublishedFiles.RESULT), swapped);
        assertThat(SortitionVerifier.verify(dir).firstDifference().orElseThrow())
                .startsWith("result.csv line 2 says '" + firstAlternate + ",selected,'");

        List<String> panels = Files.readAllLines(dir.resolve(Commitment.PANELS));
        String head = panels.get(1);
        panels.set(1, panels.get(panels.size() - 1).replaceFirst("^\\d+", "0"));
        panels.set(panels.size() - 1, head.replaceFirst("^0", String.valueOf(panels.size() - 2)));
        Files.write(dir.resolve(Commitment.PANELS), panels);
        assertThat(SortitionVerifier.verify(dir).firstDifference())
                .contains("panels.csv does not match its hash in commitment.json");
    }

    @Test
    void verify_detects_a_tampered_seed(@TempDir Path dir) throws IOException {
        published(dir);
        String draw = Files.readString(dir.resolve(PublishedFiles.DRAW));
        Files.writeString(dir.resolve(PublishedFiles.SEED_INPUTS), "witness Amal: 4822\nwitness Bruno: 77\n");
        assertThat(SortitionVerifier.verify(dir).firstDifference().orElseThrow())
                .startsWith("draw.txt line 1 says");
        Publication.draw(dir, WITNESSES);
        Files.writeString(dir.resolve(PublishedFiles.DRAW), draw.replaceFirst("seed ..", "seed 00"));
        assertThat(SortitionVerifier.verify(dir).firstDifference().orElseThrow())
                .startsWith("draw.txt line 1 says");
    }

    @Test
    void the_command_line_says_whether_the_draw_matches_by_its_exit_code(@TempDir Path dir) throws IOException {
        published(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(SortitionCli.run(new String[] {"verify", dir.toString()}, print, print))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("The draw matches the published files.");
        Files.writeString(dir.resolve(PublishedFiles.SEED_INPUTS), "someone else's number\n");
        assertThat(SortitionCli.run(new String[] {"verify", dir.toString()}, print, print))
                .isEqualTo(1);
        assertThat(SortitionCli.run(new String[] {"check"}, print, print)).isEqualTo(2);
    }

    @Test
    void the_draw_is_a_function_of_the_commitment_the_panels_and_the_inputs() {
        List<List<String>> panels = List.of(List.of("a", "b"), List.of("a", "c"), List.of("b", "c"));
        Draw one = Draw.of("ab", panels, List.of("a", "b", "c", "d"), WITNESSES);
        assertThat(Draw.of("ab", panels, List.of("a", "b", "c", "d"), WITNESSES))
                .isEqualTo(one);
        assertThat(one.alternates()).hasSize(2).doesNotContainAnyElementsOf(one.selected());
        assertThat(Draw.of("ac", panels, List.of("a", "b", "c", "d"), WITNESSES).seedHex())
                .isNotEqualTo(one.seedHex());
    }

    private static byte[] flipped(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length / 2] ^= 1;
        return copy;
    }
}
