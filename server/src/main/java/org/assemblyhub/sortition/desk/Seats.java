package org.assemblyhub.sortition.desk;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.domain.Volunteer;
import org.assemblyhub.sortition.draw.Draw;
import org.assemblyhub.sortition.view.SortitionView;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * From the panel to the roster: each person drawn gets a roster id of their own (never their pool id, so that nobody
 * who sees the roster can look up their features in the published pool), a name and an e-mail from the contact
 * columns, and their features as attributes (breakout groups are balanced on them). Who got which roster id stays in
 * {@code private/seated.csv}; the replacements are published in {@code public/replacements.csv}.
 */
final class Seats {
    private static final int ALTERNATES_SHOWN = 10;

    private final DeskFolder folder;

    Seats(DeskFolder folder) {
        this.folder = folder;
    }

    /**
     * {@code [{poolId, person}]} for the people not seated yet, in a random order: the roster keeps the order people
     * were added in, and an order that followed the published panel would pair each roster id with a pool id. Their
     * roster ids are written down before they are used ({@code private/seating.csv}): a step cut off after the
     * assembly added them, before {@link #seated} noted it, is taken up again with the same ids, so nobody is added
     * twice.
     */
    JsonArray rows(PoolInputs inputs, List<String> poolIds, RandomGenerator random) {
        Map<String, String> seated = seatedIds();
        Map<String, String> intended = ids(pending());
        List<String> waiting = new ArrayList<>();
        for (String poolId : poolIds) {
            if (seated.containsKey(poolId)) continue;
            if (inputs.problem().indexOf(poolId) < 0)
                throw new DeskRefusal(409, "not-on-panel", "Someone on the panel is not in the pool: " + poolId);
            waiting.add(poolId);
        }
        for (int i = waiting.size() - 1; i > 0; i--) Collections.swap(waiting, i, random.nextInt(i + 1));
        JsonArray rows = new JsonArray();
        for (String poolId : waiting) {
            Volunteer v = inputs.problem().pool().get(inputs.problem().indexOf(poolId));
            String rosterId = intended.computeIfAbsent(
                    poolId,
                    p -> "m-" + HexFormat.of().toHexDigits(random.nextLong()).substring(0, 12));
            JsonObject person = new JsonObject()
                    .put("id", rosterId)
                    .put("name", nameOf(v).orElse(rosterId))
                    .put("role", "member")
                    .put("attributes", new JsonObject(new LinkedHashMap<String, Object>(v.features())));
            contact(v, "email").ifPresent(email -> person.put("contact", email));
            rows.add(new JsonObject().put("poolId", poolId).put("person", person));
        }
        intended.keySet().removeAll(seated.keySet());
        folder.write(pending(), table(intended));
        return rows;
    }

    /** The people of {@code rows} are on the roster now: noted, and no longer pending. */
    void seated(JsonArray rows) {
        Map<String, String> seated = seatedIds();
        Map<String, String> intended = ids(pending());
        for (int r = 0; r < rows.size(); r++) {
            JsonObject row = rows.getJsonObject(r);
            seated.put(row.getString("poolId"), row.getJsonObject("person").getString("id"));
            intended.remove(row.getString("poolId"));
        }
        folder.write(file(), table(seated));
        folder.write(pending(), table(intended));
    }

    Map<String, String> seatedIds() {
        return ids(file());
    }

    private Map<String, String> ids(Path table) {
        Map<String, String> out = new LinkedHashMap<>();
        for (CSVRecord r : records(folder.read(table).orElse(""))) out.put(r.get(0), r.get(1));
        return out;
    }

    private static String table(Map<String, String> ids) {
        StringBuilder text = new StringBuilder("pool_id,roster_id\n");
        ids.forEach((poolId, rosterId) -> text.append(csv(List.of(poolId, rosterId))));
        return text.toString();
    }

    /** replacements.csv as the assembly recorded them ({@code [{dropout, replacement, rank, changes, at}]}). */
    void replacementsAre(JsonArray recorded) {
        Path file = folder.published().resolve(SortitionView.REPLACEMENTS_FILE);
        if (recorded.isEmpty()) return;
        StringBuilder text = new StringBuilder("dropout,replacement,rank,changes,at\n");
        for (int i = 0; i < recorded.size(); i++) {
            JsonObject r = recorded.getJsonObject(i);
            List<String> changes = new ArrayList<>();
            r.getJsonArray("changes", new JsonArray()).forEach(c -> changes.add((String) c));
            text.append(csv(List.of(
                    r.getString("dropout"),
                    r.getString("replacement"),
                    String.valueOf(r.getInteger("rank")),
                    String.join("; ", changes),
                    r.getString("at"))));
        }
        if (!text.toString().equals(folder.read(file).orElse(null))) folder.write(file, text.toString());
    }

    /** The panel as it is now (each replacement in its dropout's place), with contacts: the organiser's only. */
    JsonObject panelView(PoolInputs inputs, Draw draw) {
        List<String> panel = new ArrayList<>(draw.selected());
        List<String> replaced = new ArrayList<>();
        List<String> seatedBefore = new ArrayList<>(draw.selected());
        for (CSVRecord r : records(folder.read(folder.published().resolve(SortitionView.REPLACEMENTS_FILE))
                .orElse(""))) {
            int at = panel.indexOf(r.get(0));
            if (at >= 0) panel.set(at, r.get(1));
            replaced.add(r.get(0));
            seatedBefore.add(r.get(1));
        }
        Map<String, String> seated = seatedIds();
        JsonArray members = new JsonArray();
        for (String id : panel) members.add(person(inputs, id, seated));
        JsonArray alternates = new JsonArray();
        for (String id : draw.alternates()) {
            if (seatedBefore.contains(id)) continue;
            if (alternates.size() == ALTERNATES_SHOWN) break;
            alternates.add(person(inputs, id, seated));
        }
        return new JsonObject()
                .put("members", members)
                .put("alternates", alternates)
                .put(
                        "alternatesLeft",
                        draw.alternates().size()
                                - (seatedBefore.size() - draw.selected().size()))
                .put("droppedOut", new JsonArray(replaced));
    }

    private static JsonObject person(PoolInputs inputs, String id, Map<String, String> seated) {
        Volunteer v = inputs.problem().pool().get(inputs.problem().indexOf(id));
        JsonObject out = new JsonObject()
                .put("poolId", id)
                .put("name", nameOf(v).orElse(seated.getOrDefault(id, id)))
                .put("features", new JsonObject(new LinkedHashMap<String, Object>(v.features())));
        contact(v, "email").ifPresent(email -> out.put("email", email));
        if (seated.containsKey(id)) out.put("rosterId", seated.get(id));
        return out;
    }

    /**
     * A {@code name} column, else first and last names; empty without any (then the roster shows the roster id —
     * never the pool id, which would tie the person to their published features).
     */
    static Optional<String> nameOf(Volunteer v) {
        Optional<String> name = contact(v, "name");
        if (name.isPresent()) return name;
        String first =
                contact(v, "first_name").or(() -> contact(v, "firstname")).orElse("");
        String last = contact(v, "last_name").or(() -> contact(v, "lastname")).orElse("");
        String both = (first + " " + last).strip();
        return both.isEmpty() ? Optional.empty() : Optional.of(both);
    }

    /** Every volunteer's chance of a seat: {@code id}, the features, {@code chance} (0 to 1, six decimals). */
    static String chances(SelectionProblem problem, double[] probabilities) {
        List<String> header = new ArrayList<>(List.of("id"));
        header.addAll(problem.quotas().features());
        header.add("chance");
        StringBuilder out = new StringBuilder(csv(header));
        for (int i = 0; i < problem.size(); i++) {
            Volunteer v = problem.pool().get(i);
            List<String> row = new ArrayList<>(List.of(v.id()));
            for (String f : problem.quotas().features()) row.add(v.value(f));
            row.add(String.format(Locale.ROOT, "%.6f", probabilities[i]));
            out.append(csv(row));
        }
        return out.toString();
    }

    private static Optional<String> contact(Volunteer v, String column) {
        for (Map.Entry<String, String> c : v.contacts().entrySet()) {
            if (c.getKey().strip().toLowerCase(Locale.ROOT).replace(' ', '_').equals(column)
                    && !c.getValue().isBlank()) return Optional.of(c.getValue().strip());
        }
        return Optional.empty();
    }

    private Path file() {
        return folder.inputs().resolve(DeskFolder.SEATED);
    }

    private Path pending() {
        return folder.inputs().resolve(DeskFolder.SEATING);
    }

    private static String csv(List<String> fields) {
        StringWriter out = new StringWriter();
        try (var printer =
                CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(out)) {
            printer.printRecord(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<CSVRecord> records(String text) {
        if (text.isBlank()) return List.of();
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
