package org.assemblyhub.records;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.assemblyhub.kernel.agreement.Scale;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The results of the open data as one CSV table, one row per counted thing (docs/open-data.md): {@code source}
 * (poll, round or ballot), {@code id}, {@code question}, {@code round}, {@code item} (a ballot's draft), {@code answer}
 * (option, level or scale value), {@code count}, {@code outcome}. Text that would start a spreadsheet formula is
 * defused with a leading apostrophe.
 */
public final class OpenDataCsv {
    public static final String[] HEADER = {"source", "id", "question", "round", "item", "answer", "count", "outcome"};

    private OpenDataCsv() {}

    public static String results(JsonNode openData) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (JsonNode p : openData.path("polls")) {
                String source = p.has("rule") ? "round" : "poll";
                JsonNode r = p.path("results");
                String outcome = r.path("outcome").asText("");
                if (r.has("counts") && p.has("options")) {
                    for (int i = 0; i < r.get("counts").size(); i++) {
                        row(
                                csv,
                                source,
                                p.get("id").asText(),
                                p.get("question").asText(),
                                p.get("round").asInt(),
                                "",
                                p.get("options").get(i).asText(),
                                r.get("counts").get(i).asInt(),
                                outcome);
                    }
                } else if (r.has("borda")) {
                    for (int i = 0; i < r.get("borda").size(); i++) {
                        row(
                                csv,
                                source,
                                p.get("id").asText(),
                                p.get("question").asText(),
                                p.get("round").asInt(),
                                "",
                                p.get("options").get(i).asText(),
                                r.get("firstChoices").get(i).asInt(),
                                "borda=" + r.get("borda").get(i).asInt());
                    }
                } else if (r.has("levels")) {
                    for (int i = 0; i < r.get("levels").size(); i++) {
                        row(
                                csv,
                                source,
                                p.get("id").asText(),
                                p.get("question").asText(),
                                p.get("round").asInt(),
                                "",
                                "level " + (i + firstLevel(p.get("kind").asText())),
                                r.get("levels").get(i).asInt(),
                                outcome);
                    }
                } else if (r.has("counts")) {
                    for (int i = 0; i < r.get("counts").size(); i++) {
                        row(
                                csv,
                                source,
                                p.get("id").asText(),
                                p.get("question").asText(),
                                p.get("round").asInt(),
                                "",
                                String.valueOf(i + p.path("scaleMin").asInt(1)),
                                r.get("counts").get(i).asInt(),
                                "");
                    }
                } else if (r.has("words")) {
                    for (JsonNode w : r.get("words")) {
                        row(
                                csv,
                                source,
                                p.get("id").asText(),
                                p.get("question").asText(),
                                p.get("round").asInt(),
                                "",
                                w.get("word").asText(),
                                w.get("count").asInt(),
                                "");
                    }
                }
            }
            for (JsonNode b : openData.path("ballots")) {
                for (int i = 0; i < b.path("results").size(); i++) {
                    JsonNode result = b.get("results").get(i);
                    JsonNode item = b.get("items").get(i);
                    for (int level = 0; level < result.path("levels").size(); level++) {
                        row(
                                csv,
                                "ballot",
                                b.get("id").asText(),
                                b.get("title").asText(),
                                "",
                                item.get("draftId").asText() + " v"
                                        + item.get("version").asInt(),
                                "level " + (level + 1),
                                result.get("levels").get(level).asInt(),
                                result.path("outcome").asText());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * One row; text cells that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
     * return) get a leading apostrophe, so a question written as {@code =HYPERLINK(…)} stays text (OWASP's advice).
     */
    private static void row(CSVPrinter csv, Object... cells) throws IOException {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) safe[i] = cells[i] instanceof String s ? defused(s) : cells[i];
        csv.printRecord(safe);
    }

    static String defused(String cell) {
        if (cell.isEmpty()) return cell;
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }

    private static int firstLevel(String kind) {
        var k = Scale.parse(kind);
        return k == null ? 1 : k.firstLevel();
    }
}
