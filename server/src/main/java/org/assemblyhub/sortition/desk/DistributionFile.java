package org.assemblyhub.sortition.desk;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.Distribution.WeightedPanel;
import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.select.SelectionOutcome;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The distribution a run found, kept on the organiser's side until the commitment: a CSV whose first line names the
 * algorithm and each further line is a panel's weight then its members' pool ids. Never published (the committed
 * panels.csv is its rounding to m equally likely panels).
 */
final class DistributionFile {
    /** What was found: as a {@link SelectionOutcome.Selected}, a leximin cut short at its budget included. */
    record Found(SelectionOutcome.Selected selected) {}

    private DistributionFile() {}

    static String write(SelectionOutcome.Selected selected, SelectionProblem problem) {
        Distribution d = selected.distribution();
        StringWriter out = new StringWriter();
        try (var printer =
                CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(out)) {
            List<String> first =
                    new ArrayList<>(List.of("algorithm", selected.algorithm().settingName()));
            selected.cutShort().ifPresent(c -> {
                first.addAll(List.of("cut-short", String.valueOf(c.budget().toSeconds())));
                if (c instanceof SelectionOutcome.CutShort.Leximin l)
                    first.addAll(List.of(String.valueOf(l.fixedPeople()), String.valueOf(l.poolSize())));
                else if (c instanceof SelectionOutcome.CutShort.Goldilocks g)
                    first.addAll(List.of(Double.toString(g.ratio()), Double.toString(g.bound())));
            });
            printer.printRecord(first);
            for (WeightedPanel p : d.panels()) {
                List<String> row = new ArrayList<>();
                row.add(Double.toString(p.weight()));
                for (int i : p.panel().members()) row.add(problem.pool().get(i).id());
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Empty when the file is empty or does not fit the pool (then the organiser runs the selection again). */
    static Optional<Found> read(String text, SelectionProblem problem) {
        if (text.isBlank()) return Optional.empty();
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(text))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty() || !"algorithm".equals(records.get(0).get(0))) return Optional.empty();
            Optional<Algorithm> algorithm = Algorithm.named(records.get(0).get(1));
            if (algorithm.isEmpty()) return Optional.empty();
            List<WeightedPanel> panels = new ArrayList<>();
            for (CSVRecord r : records.subList(1, records.size())) {
                int[] members = new int[r.size() - 1];
                for (int a = 1; a < r.size(); a++) {
                    members[a - 1] = problem.indexOf(r.get(a));
                    if (members[a - 1] < 0) return Optional.empty();
                }
                panels.add(new WeightedPanel(new Panel(members), Double.parseDouble(r.get(0))));
            }
            CSVRecord first = records.get(0);
            Optional<SelectionOutcome.CutShort> cutShort = first.size() == 6 && "cut-short".equals(first.get(2))
                    ? Optional.of(cutShort(algorithm.get(), first))
                    : Optional.empty();
            return Optional.of(new Found(
                    new SelectionOutcome.Selected(algorithm.get(), Distribution.of(panels, problem.size()), cutShort)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static SelectionOutcome.CutShort cutShort(Algorithm algorithm, CSVRecord first) {
        Duration budget = Duration.ofSeconds(Long.parseLong(first.get(3)));
        return algorithm == Algorithm.GOLDILOCKS
                ? new SelectionOutcome.CutShort.Goldilocks(
                        budget, Double.parseDouble(first.get(4)), Double.parseDouble(first.get(5)))
                : new SelectionOutcome.CutShort.Leximin(
                        budget, Integer.parseInt(first.get(4)), Integer.parseInt(first.get(5)));
    }
}
