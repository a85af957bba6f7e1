package org.assemblyhub.sortition.desk;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pool file with some volunteers' personal data blanked: every cell of their rows but the id and the features
 * (names, contacts, addresses, any other column). The features stay: they are in the published, pseudonymous pool
 * that lets anyone re-check the draw, and without the rest they name nobody.
 */
final class PoolScrub {
    private PoolScrub() {}

    static String blank(String peopleCsv, String idColumn, List<String> features, Set<String> poolIds) {
        Set<String> kept =
                features.stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        kept.add(idColumn.toLowerCase(Locale.ROOT));
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(peopleCsv))) {
            List<String> header = parser.getHeaderNames();
            StringBuilder out = new StringBuilder();
            try (CSVPrinter printer = new CSVPrinter(
                    out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
                printer.printRecord(header);
                for (CSVRecord row : parser) {
                    boolean erased = poolIds.contains(row.get(idColumn));
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < header.size(); i++) {
                        String cell = i < row.size() ? row.get(i) : "";
                        boolean keep = kept.contains(header.get(i).toLowerCase(Locale.ROOT));
                        cells.add(erased && !keep ? "" : cell);
                    }
                    printer.printRecord(cells);
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
