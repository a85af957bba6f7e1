package org.assemblyhub.recommendation.domain;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** The same questions asked of every draft recommendation. */
public record Analysis(
        String benefits, String drawbacks, String costs, String implementers, String tradeoffs, String evidence)
        implements Serializable {
    public static final int MAX_FIELD = 4_000;
    public static final Analysis EMPTY = new Analysis("", "", "", "", "", "");

    public Analysis {
        benefits = clean(benefits);
        drawbacks = clean(drawbacks);
        costs = clean(costs);
        implementers = clean(implementers);
        tradeoffs = clean(tradeoffs);
        evidence = clean(evidence);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    /** The fields in reading order, with their names. */
    public Map<String, String> fields() {
        var m = new LinkedHashMap<String, String>();
        m.put("benefits", benefits);
        m.put("drawbacks", drawbacks);
        m.put("costs", costs);
        m.put("implementers", implementers);
        m.put("tradeoffs", tradeoffs);
        m.put("evidence", evidence);
        return m;
    }

    public String problem() {
        return fields().values().stream().anyMatch(v -> v.length() > MAX_FIELD)
                ? "Each part of the analysis is at most " + MAX_FIELD + " characters."
                : null;
    }
}
