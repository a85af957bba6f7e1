package org.assemblyhub.sortition.desk;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.Quota;
import org.assemblyhub.sortition.domain.QuotaFill;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.domain.Volunteer;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.select.Progress;
import org.assemblyhub.sortition.select.QuotaExplanation;
import org.assemblyhub.sortition.select.SelectionOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;

/** The organiser's screen's data, as JSON: the inputs taken, a run's progress, its outcome or why none exists. */
final class DeskViews {
    private DeskViews() {}

    static JsonObject inputs(PoolInputs inputs) {
        SelectionProblem p = inputs.problem();
        JsonArray features = new JsonArray();
        for (String feature : p.quotas().features()) {
            JsonArray values = new JsonArray();
            for (Quota q : p.quotas().of(feature)) {
                long inPool = p.pool().stream()
                        .filter(v -> q.value().equals(v.value(feature)))
                        .count();
                values.add(new JsonObject()
                        .put("value", q.value())
                        .put("min", q.min())
                        .put("max", q.max())
                        .put("inPool", inPool));
            }
            features.add(new JsonObject().put("feature", feature).put("values", values));
        }
        return new JsonObject()
                .put("poolSize", p.size())
                .put("panelSize", p.panelSize())
                .put("panelCount", inputs.settings().panelCount())
                .put("algorithm", inputs.settings().algorithm().settingName())
                .put("household", p.oneFromEachHousehold())
                .put("features", features);
    }

    static JsonObject progress(Progress p) {
        JsonObject out = new JsonObject()
                .put("phase", p.phase())
                .put("panels", p.panels())
                .put("fixedPeople", p.fixedPeople())
                .put("poolSize", p.poolSize());
        if (!Double.isNaN(p.minimumProbability())) out.put("lowest", p.minimumProbability());
        return out;
    }

    static JsonObject outcome(SelectionOutcome.Selected selected, PoolInputs inputs) {
        Algorithm algorithm = selected.algorithm();
        Distribution d = selected.distribution();
        Fairness fairness = Fairness.of(d.probabilities(), inputs.problem().panelSize());
        JsonArray fill = new JsonArray();
        for (QuotaFill f : QuotaFill.of(inputs.problem(), d)) {
            fill.add(new JsonObject()
                    .put("feature", f.quota().feature())
                    .put("value", f.quota().value())
                    .put("min", f.quota().min())
                    .put("max", f.quota().max())
                    .put("inPool", f.inPool())
                    .put("expected", Math.round(f.expected() * 100) / 100.0)
                    .put("fewest", f.fewest())
                    .put("most", f.most()));
        }
        JsonArray lowestPeople = new JsonArray();
        double[] probabilities = d.probabilities();
        for (int i = 0; i < probabilities.length && lowestPeople.size() < 5; i++) {
            if (probabilities[i] <= fairness.lowest() + 1e-9) {
                Volunteer v = inputs.problem().pool().get(i);
                lowestPeople.add(new JsonObject()
                        .put("id", v.id())
                        .put("features", new JsonObject(new LinkedHashMap<String, Object>(v.features()))));
            }
        }
        return new JsonObject()
                .put("algorithm", algorithm.settingName())
                .put("panels", d.panels().size())
                .put("lowest", fairness.lowest())
                .put("highest", fairness.highest())
                .put("equal", fairness.equal())
                .put("histogram", new JsonArray(new ArrayList<>(fairness.histogram())))
                .put("quotaFill", fill)
                .put("lowestPeople", lowestPeople)
                .put("cutShort", selected.cutShort().map(DeskViews::cutShort).orElse(null));
    }

    private static JsonObject cutShort(SelectionOutcome.CutShort c) {
        JsonObject view = new JsonObject().put("minutes", c.budget().toMinutes());
        if (c instanceof SelectionOutcome.CutShort.Goldilocks g)
            return view.put("algorithm", "goldilocks").put("ratio", g.ratio()).put("bound", g.bound());
        SelectionOutcome.CutShort.Leximin l = (SelectionOutcome.CutShort.Leximin) c;
        return view.put("algorithm", "leximin")
                .put("fixedPeople", l.fixedPeople())
                .put("poolSize", l.poolSize());
    }

    static JsonObject infeasible(QuotaExplanation e) {
        JsonArray relaxations = new JsonArray();
        for (QuotaExplanation.Relaxation r : e.relaxations()) {
            relaxations.add(new JsonObject()
                    .put("feature", r.before().feature())
                    .put("value", r.before().value())
                    .put(
                            "from",
                            new JsonArray().add(r.before().min()).add(r.before().max()))
                    .put(
                            "to",
                            new JsonArray().add(r.after().min()).add(r.after().max())));
        }
        return new JsonObject()
                .put("features", new JsonArray(new ArrayList<>(e.features())))
                .put("reasons", new JsonArray(new ArrayList<>(e.reasons())))
                .put("relaxations", relaxations)
                .put("withinFlex", e.withinFlex());
    }
}
