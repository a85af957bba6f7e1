package org.assemblyhub.sortition.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.sortition.ledger.SortitionEvent.MemberReplaced;
import org.assemblyhub.sortition.ledger.SortitionEvent.SelectionCommitted;
import org.assemblyhub.sortition.ledger.SortitionEvent.SelectionDrawn;
import org.assemblyhub.sortition.ledger.SortitionRecord;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The selection as everyone may see it, observers included: the commitment and its files' hashes, how fair the
 * chances were (lowest, highest, the histogram), how the seed is made, and — once drawn — the inputs, the seed, the
 * index and the panel by pseudonymous id, then each replacement. Never a name, a contact or an address: those stay
 * on the organiser's desk. Also the open data's section.
 */
public final class SortitionView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The files anyone can download to check the draw, in the order a reader needs them. */
    public static final List<String> COMMITTED_FILES =
            List.of("commitment.json", "pool-pseudonymised.csv", "quotas.csv", "settings.toml", "panels.csv");

    public static final List<String> DRAW_FILES = List.of("seed-inputs.txt", "draw.txt", "result.csv");

    public static final String REPLACEMENTS_FILE = "replacements.csv";

    private SortitionView() {}

    /** Empty until the commitment is published. */
    public static ObjectNode project(SortitionRecord record) {
        ObjectNode out = JSON.objectNode();
        SelectionCommitted c = record.commitment();
        if (c == null) return out;
        out.put("commitment", c.commitment());
        ObjectNode hashes = out.putObject("fileHashes");
        new TreeMap<>(c.files()).forEach(hashes::put);
        out.put("algorithm", c.algorithm());
        out.put("poolSize", c.poolSize());
        out.put("panelSize", c.panelSize());
        out.put("panelCount", c.panelCount());
        out.put("maxChange", round(c.maxChange()));
        out.put("lowest", round(c.lowest()));
        out.put("highest", round(c.highest()));
        out.put("equal", round(c.poolSize() == 0 ? 0 : c.panelSize() / (double) c.poolSize()));
        ArrayNode histogram = out.putArray("histogram");
        c.histogram().forEach(histogram::add);
        out.put("seedPlan", c.seedPlan());
        ArrayNode sources = out.putArray("seedSources");
        c.seedSources().forEach(sources::add);
        out.put("committedAt", c.at().toString());
        ArrayNode files = out.putArray("files");
        COMMITTED_FILES.forEach(files::add);
        SelectionDrawn d = record.draw();
        if (d != null) {
            ObjectNode drawn = out.putObject("draw");
            ArrayNode inputs = drawn.putArray("seedInputs");
            d.seedInputs().forEach(inputs::add);
            drawn.put("seed", d.seed());
            drawn.put("panelIndex", d.panelIndex());
            ArrayNode selected = drawn.putArray("selected");
            d.selected().forEach(selected::add);
            drawn.put("at", d.at().toString());
            DRAW_FILES.forEach(files::add);
            ArrayNode panel = out.putArray("panel");
            record.panel().forEach(panel::add);
        }
        if (!record.replacements().isEmpty()) {
            ArrayNode replacements = out.putArray("replacements");
            for (MemberReplaced r : record.replacements()) {
                ObjectNode one = replacements.addObject();
                one.put("dropout", r.dropout());
                one.put("replacement", r.replacement());
                one.put("rank", r.rank());
                ArrayNode changes = one.putArray("changes");
                r.changes().forEach(changes::add);
                one.put("at", r.at().toString());
            }
            files.add(REPLACEMENTS_FILE);
        }
        return out;
    }

    /** Whether a published file may be served yet: the committed ones after the commitment, the rest as they come. */
    public static boolean published(SortitionRecord record, String file) {
        if (record.commitment() == null) return false;
        if (COMMITTED_FILES.contains(file)) return true;
        if (DRAW_FILES.contains(file)) return record.draw() != null;
        return REPLACEMENTS_FILE.equals(file) && !record.replacements().isEmpty();
    }

    /** The committed files' hashes, for the desk to compare what it serves with what was recorded. */
    public static Map<String, String> hashes(SortitionRecord record) {
        return record.commitment() == null ? Map.of() : record.commitment().files();
    }

    private static double round(double p) {
        return Math.round(p * 1e6) / 1e6;
    }
}
