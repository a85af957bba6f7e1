package org.assemblyhub.sortition.format;

import org.assemblyhub.sortition.domain.Checked;
import org.assemblyhub.sortition.domain.InputProblem;
import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.Quotas;
import org.assemblyhub.sortition.domain.Volunteer;
import org.assemblyhub.sortition.draw.Commitment;
import org.assemblyhub.sortition.draw.Draw;
import org.assemblyhub.sortition.draw.Hashes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical byte form of the files published for a draw (see docs/sortition.md): UTF-8 without a byte order mark,
 * LF line ends, a field quoted only when it holds a comma, a quote or a line break; ids in UTF-8 byte order.
 */
public final class PublishedFiles {
    public static final String SEED_INPUTS = "seed-inputs.txt";
    public static final String DRAW = "draw.txt";
    public static final String RESULT = "result.csv";
    public static final String COMMITMENT = "commitment.json";

    private PublishedFiles() {}

    /** pool-pseudonymised.csv: {@code id} then the features in the quotas' order; no contact, no address. */
    public static String pool(List<Volunteer> pool, Quotas quotas) {
        List<String> header = new ArrayList<>(List.of("id"));
        header.addAll(quotas.features());
        StringBuilder out = new StringBuilder(CsvTable.line(header));
        pool.stream()
                .sorted(Comparator.comparing(Volunteer::id, Hashes.UTF8_ORDER))
                .forEach(v -> {
                    List<String> row = new ArrayList<>(List.of(v.id()));
                    for (String f : quotas.features()) row.add(v.value(f));
                    out.append(CsvTable.line(row));
                });
        return out.toString();
    }

    /** The panels as lists of ids, each sorted, the lists in order (identical panels next to each other). */
    public static List<List<String>> panelIds(List<Panel> panels, List<Volunteer> pool) {
        return panels.stream()
                .map(p -> Arrays.stream(p.members())
                        .mapToObj(i -> pool.get(i).id())
                        .sorted(Hashes.UTF8_ORDER)
                        .toList())
                .sorted(PublishedFiles::compareIdLists)
                .toList();
    }

    private static int compareIdLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Hashes.UTF8_ORDER.compare(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    /** panels.csv: {@code panel,member_1..member_k}, one line per panel numbered from 0. */
    public static String panels(List<List<String>> panels) {
        int k = panels.isEmpty() ? 0 : panels.get(0).size();
        List<String> header = new ArrayList<>(List.of("panel"));
        for (int i = 1; i <= k; i++) header.add("member_" + i);
        StringBuilder out = new StringBuilder(CsvTable.line(header));
        for (int j = 0; j < panels.size(); j++) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(j)));
            row.addAll(panels.get(j));
            out.append(CsvTable.line(row));
        }
        return out.toString();
    }

    public static Checked<List<List<String>>> readPanels(String text) {
        Checked<CsvTable> table = CsvTable.read(Commitment.PANELS, text);
        if (!(table instanceof Checked.Valid<CsvTable> valid)) return Checked.invalid(table.problems());
        List<List<String>> panels = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (CsvTable.Row row : valid.value().rows()) {
            if (!row.get("panel").equals(String.valueOf(panels.size()))) {
                problems.add(InputProblem.atLine(Commitment.PANELS, row.line(), "expected panel " + panels.size()));
            }
            List<String> members = new ArrayList<>();
            for (String h : valid.value().headers()) if (h.startsWith("member_")) members.add(row.get(h));
            panels.add(members);
        }
        return problems.isEmpty() ? Checked.valid(panels) : Checked.invalid(problems);
    }

    /** draw.txt: the seed and the index, for people to compare with their own computation. */
    public static String draw(Draw draw) {
        return "seed " + draw.seedHex() + "\npanel_index " + draw.index() + "\n";
    }

    /** result.csv: {@code id,status,rank} — the selected (status selected, no rank), then alternates ranked from 1. */
    public static String result(Draw draw) {
        StringBuilder out = new StringBuilder(CsvTable.line(List.of("id", "status", "rank")));
        for (String id : draw.selected()) out.append(CsvTable.line(List.of(id, "selected", "")));
        for (int r = 0; r < draw.alternates().size(); r++) {
            out.append(CsvTable.line(List.of(draw.alternates().get(r), "alternate", String.valueOf(r + 1))));
        }
        return out.toString();
    }
}
