package org.assemblyhub.sortition.desk;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assemblyhub.sortition.domain.Volunteer;
import org.assemblyhub.sortition.draw.Draw;
import org.assemblyhub.sortition.replace.Replacement;
import org.assemblyhub.sortition.view.SortitionView;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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

    /** {@code [{poolId, person}]} for the people not seated yet, in the order asked. */
    JsonArray rows(PoolInputs inputs, List<String> poolIds, RandomGenerator random) {
        Map<String, String> seated = seatedIds();
        JsonArray rows = new JsonArray();
        for (String poolId : poolIds) {
            if (seated.containsKey(poolId)) continue;
            int i = inputs.problem().indexOf(poolId);
            if (i < 0) continue;
            Volunteer v = inputs.problem().pool().get(i);
            JsonObject person = new JsonObject()
                    .put(
                            "id",
                            "m-" + HexFormat.of().toHexDigits(random.nextLong()).substring(0, 12))
                    .put("name", nameOf(v))
                    .put("role", "member")
                    .put("attributes", new JsonObject(new LinkedHashMap<String, Object>(v.features())));
            contact(v, "email").ifPresent(email -> person.put("contact", email));
            rows.add(new JsonObject().put("poolId", poolId).put("person", person));
        }
        return rows;
    }

    void seated(JsonArray rows) {
        StringBuilder text = new StringBuilder(folder.read(file()).orElse("pool_id,roster_id\n"));
        for (int r = 0; r < rows.size(); r++) {
            JsonObject row = rows.getJsonObject(r);
            text.append(csv(
                    List.of(row.getString("poolId"), row.getJsonObject("person").getString("id"))));
        }
        folder.write(file(), text.toString());
    }

    Map<String, String> seatedIds() {
        Map<String, String> out = new LinkedHashMap<>();
        for (CSVRecord r : records(folder.read(file()).orElse(""))) out.put(r.get(0), r.get(1));
        return out;
    }

    void published(Replacement.Replaced r, Instant at) {
        Path replacements = folder.published().resolve(SortitionView.REPLACEMENTS_FILE);
        StringBuilder text =
                new StringBuilder(folder.read(replacements).orElse("dropout,replacement,rank,changes,at\n"));
        text.append(csv(List.of(
                r.dropout(),
                r.replacement(),
                String.valueOf(r.rank()),
                String.join("; ", r.changes()),
                at.toString())));
        folder.write(replacements, text.toString());
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
                .put("name", nameOf(v))
                .put("features", new JsonObject(new LinkedHashMap<String, Object>(v.features())));
        contact(v, "email").ifPresent(email -> out.put("email", email));
        if (seated.containsKey(id)) out.put("rosterId", seated.get(id));
        return out;
    }

    /** A {@code name} column, else first and last names, else the pool id. */
    static String nameOf(Volunteer v) {
        Optional<String> name = contact(v, "name");
        if (name.isPresent()) return name.get();
        String first =
                contact(v, "first_name").or(() -> contact(v, "firstname")).orElse("");
        String last = contact(v, "last_name").or(() -> contact(v, "lastname")).orElse("");
        String both = (first + " " + last).strip();
        return both.isEmpty() ? v.id() : both;
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
