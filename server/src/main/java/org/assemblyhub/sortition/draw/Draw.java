package org.assemblyhub.sortition.draw;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The public draw: given the committed list of m panels (each a list of ids), the pool's ids and the seed inputs,
 * the seed, the panel's index, the panel and the alternates in their order. Pure: the organiser's run and the
 * verifier's are the same function of the published files.
 */
public record Draw(String seedHex, int index, List<String> selected, List<String> alternates) {
    public Draw {
        selected = List.copyOf(selected);
        alternates = List.copyOf(alternates);
    }

    public static Draw of(String commitment, List<List<String>> panels, List<String> poolIds, List<String> inputs) {
        byte[] seed = Seed.of(commitment, inputs);
        int index = PanelIndex.of(seed, panels.size());
        List<String> selected =
                panels.get(index).stream().sorted(Hashes.UTF8_ORDER).toList();
        List<String> alternates = Alternates.order(seed, poolIds, Set.copyOf(selected));
        return new Draw(HexFormat.of().formatHex(seed), index, selected, alternates);
    }
}
