package org.assemblyhub.sortition;

import static org.assemblyhub.kernel.plug.WireCommand.HUB_ONLY;
import static org.assemblyhub.kernel.plug.WireCommand.of;

import org.assemblyhub.kernel.plug.Decoded;
import org.assemblyhub.kernel.plug.WireArgs;
import org.assemblyhub.kernel.plug.WireCommand;
import org.assemblyhub.sortition.ledger.SortitionCommand.RecordCommitment;
import org.assemblyhub.sortition.ledger.SortitionCommand.RecordDraw;
import org.assemblyhub.sortition.ledger.SortitionCommand.RecordReplacement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The selection's commands: only the hub's selection desk sends them, after checking the organiser and writing the
 * published files (docs/sortition.md, "In the hub"). No socket can: the work behind each is the desk's.
 */
public final class SortitionWire {
    /** The largest pool the desk takes (ids are recorded in events: the panel, the alternates taken). */
    public static final int MAX_PANEL = 2_000;

    private static final int MAX_SEED_INPUTS = 20;
    private static final int MAX_INPUT = 500;
    private static final int MAX_PLAN = 2_000;

    private SortitionWire() {}

    public static final List<WireCommand> COMMANDS = List.of(
            of(
                    "record-sortition-commitment",
                    HUB_ONLY,
                    (a, c) -> Decoded.ok(new RecordCommitment(
                            hex(a, "commitment"),
                            files(a.object("files")),
                            a.requiredText("algorithm", 20),
                            a.integer("poolSize", 1, Integer.MAX_VALUE),
                            a.integer("panelSize", 1, MAX_PANEL),
                            a.integer("panelCount", 1, 1_000_000),
                            share(a, "maxChange"),
                            share(a, "lowest"),
                            share(a, "highest"),
                            a.integers("histogram", 100, 0, Integer.MAX_VALUE),
                            a.text("seedPlan", MAX_PLAN),
                            sources(a),
                            a.id("by")))),
            of(
                    "record-sortition-draw",
                    HUB_ONLY,
                    (a, c) -> Decoded.ok(new RecordDraw(
                            hex(a, "commitment"),
                            a.texts("seedInputs", MAX_SEED_INPUTS, MAX_INPUT),
                            hex(a, "seed"),
                            a.integer("panelIndex", 0, 1_000_000),
                            ids(a, "selected"),
                            a.id("by")))),
            of(
                    "record-sortition-replacement",
                    HUB_ONLY,
                    (a, c) -> Decoded.ok(new RecordReplacement(
                            a.id("dropout"),
                            a.id("replacement"),
                            a.integer("rank", 1, Integer.MAX_VALUE),
                            a.texts("changes", 50, 400),
                            a.integer("replacementsBefore", 0, Integer.MAX_VALUE),
                            a.id("by")))));

    /** The announced sources of the seed's numbers: 1 to 10 distinct names of one line. */
    public static final int MAX_SOURCES = 10;

    public static final int MAX_SOURCE = 100;

    private static String hex(WireArgs a, String key) {
        String s = a.requiredText(key, 64);
        if (!s.matches("[0-9a-f]{64}")) throw new WireArgs.BadArgs("'" + key + "' is a SHA-256 in hex.");
        return s;
    }

    private static List<String> sources(WireArgs a) {
        List<String> sources = a.texts("seedSources", MAX_SOURCES, MAX_SOURCE);
        if (sources.isEmpty()) throw new WireArgs.BadArgs("'seedSources' names at least one source.");
        for (String s : sources) {
            if (s.isBlank() || s.contains("\n") || s.contains("\r"))
                throw new WireArgs.BadArgs("Each seed source is one line of text.");
        }
        if (Set.copyOf(sources).size() != sources.size()) throw new WireArgs.BadArgs("Each seed source is named once.");
        return sources;
    }

    private static Map<String, String> files(WireArgs files) {
        if (files == null) throw new WireArgs.BadArgs("'files' is required.");
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : files.raw().fieldNames()) out.put(name, hex(files, name));
        return out;
    }

    private static double share(WireArgs a, String key) {
        Object value = a.raw().getValue(key);
        if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1)
            throw new WireArgs.BadArgs("'" + key + "' is a number from 0 to 1.");
        return n.doubleValue();
    }

    private static List<String> ids(WireArgs a, String key) {
        List<String> ids = a.texts(key, MAX_PANEL, 64);
        for (String id : ids) {
            if (id.isEmpty() || !id.chars().allMatch(ch -> ch > 32 && ch < 127))
                throw new WireArgs.BadArgs("'" + key + "' holds ids.");
        }
        return ids;
    }
}
