package org.assemblyhub.sortition.format;

import org.assemblyhub.sortition.select.Algorithm;

import java.util.List;

/**
 * The settings of a selection, with sortition-algorithms' names: the id column, the columns kept for the selected
 * list, the household rule and its address columns, the algorithm. Two are ours: the panel size (there a command
 * line argument) and how many equally likely panels the draw is made from.
 */
public record SortitionSettings(
        String idColumn,
        List<String> columnsToKeep,
        boolean checkSameAddress,
        List<String> addressColumns,
        Algorithm algorithm,
        int panelSize,
        int panelCount) {
    public static final int DEFAULT_PANEL_COUNT = 1000;

    public SortitionSettings {
        columnsToKeep = List.copyOf(columnsToKeep);
        addressColumns = List.copyOf(addressColumns);
    }

    public static SortitionSettings of(String idColumn, int panelSize) {
        return new SortitionSettings(
                idColumn, List.of(), false, List.of(), Algorithm.LEXIMIN, panelSize, DEFAULT_PANEL_COUNT);
    }

    public SortitionSettings withHouseholds(List<String> columns) {
        return new SortitionSettings(idColumn, columnsToKeep, true, columns, algorithm, panelSize, panelCount);
    }

    public SortitionSettings with(Algorithm a) {
        return new SortitionSettings(
                idColumn, columnsToKeep, checkSameAddress, addressColumns, a, panelSize, panelCount);
    }

    public SortitionSettings withPanelCount(int m) {
        return new SortitionSettings(
                idColumn, columnsToKeep, checkSameAddress, addressColumns, algorithm, panelSize, m);
    }
}
