package org.alliancelab.cli;

import static org.alliancelab.cli.TextFormat.fixed;
import static org.alliancelab.cli.TextFormat.pValue;
import static org.alliancelab.cli.TextFormat.percent;
import static org.alliancelab.cli.TextFormat.value;

import java.util.LinkedHashMap;
import java.util.Map;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.bias.EggerResult;
import org.alliancelab.meta.bias.FailSafeResult;
import org.alliancelab.meta.bias.RankCorrelationResult;
import org.alliancelab.meta.bias.TrimAndFillResult;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;

/**
 * The result of {@code bias}: JSON with the objects {@code egger} {@code {zval, pval,
 * limit_estimate}}, {@code ranktest} {@code {tau, pval}}, {@code trimfill} {@code {k0, side,
 * estimate, se, tau2}}, {@code failsafe} {@code {fsnum, pval}} (Rosenthal) and
 * {@code failsafe_orwin} {@code {fsnum, mean_effect, target}}, or a readable summary.
 */
final class BiasReport implements Report {

    private final StudyData data;
    private final RandomEffectsModel model;
    private final EggerResult egger;
    private final RankCorrelationResult rank;
    private final TrimAndFillResult trimfill;
    private final FailSafeResult rosenthal;
    private final FailSafeResult orwin;

    private BiasReport(StudyData data, RandomEffectsModel model, EggerResult egger, RankCorrelationResult rank,
                       TrimAndFillResult trimfill, FailSafeResult rosenthal, FailSafeResult orwin) {
        this.data = data;
        this.model = model;
        this.egger = egger;
        this.rank = rank;
        this.trimfill = trimfill;
        this.rosenthal = rosenthal;
        this.orwin = orwin;
    }

    static BiasReport of(StudyData data, RandomEffectsModel model, EggerResult egger, RankCorrelationResult rank,
                         TrimAndFillResult trimfill, FailSafeResult rosenthal, FailSafeResult orwin) {
        return new BiasReport(data, model, egger, rank, trimfill, rosenthal, orwin);
    }

    /** @return the values in JSON key order */
    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = ReportParts.header(data.measure(), model.estimator(), model.test(), data.k());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("zval", value(egger.statistic()));
        e.put("pval", value(egger.pValue()));
        e.put("limit_estimate", value(egger.limitEstimate()));
        m.put("egger", e);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("tau", value(rank.tau()));
        r.put("pval", value(rank.pValue()));
        m.put("ranktest", r);
        MetaAnalysisResult filled = trimfill.filled();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("k0", trimfill.k0());
        t.put("side", trimfill.side().label());
        t.put("estimate", value(filled.estimate()));
        t.put("se", value(filled.se()));
        t.put("tau2", value(filled.tau2()));
        m.put("trimfill", t);
        m.put("trimfill_estimator", trimfill.estimator().name());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("fsnum", studies(rosenthal.number()));
        f.put("pval", value(rosenthal.pValue()));
        m.put("failsafe", f);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("fsnum", studies(orwin.number()));
        o.put("mean_effect", value(orwin.meanEffect()));
        o.put("target", value(orwin.target()));
        m.put("failsafe_orwin", o);
        return m;
    }

    /** A whole number of studies as a JSON integer; infinite (Orwin with target 0) as null. */
    private static Object studies(double n) {
        return Double.isFinite(n) ? (Object) (long) n : null;
    }

    @Override
    public String text(int digits) {
        String nl = System.lineSeparator();
        boolean knha = model.test() == InferenceTest.KNHA;
        String pct = percent(model.confidenceLevel());
        StringBuilder sb = new StringBuilder();
        sb.append("Publication-bias diagnostics (k = ").append(data.k()).append("; tau^2 estimator: ")
            .append(model.estimator().name()).append(')').append(nl);
        sb.append(ReportParts.effectSize(data)).append(nl).append(nl);

        sb.append("Egger's regression test for funnel plot asymmetry").append(nl)
            .append("  (mixed-effects meta-regression on the standard error, ")
            .append(knha ? "Knapp-Hartung t test" : "Wald z test").append("):").append(nl)
            .append("  ").append(knha ? "t" : "z").append(" = ").append(fixed(egger.statistic(), digits))
            .append(", p-val ").append(pValue(egger.pValue(), digits, true)).append(nl)
            .append("  limit estimate (as the standard error goes to 0): ").append(fixed(egger.limitEstimate(), digits))
            .append(" (").append(pct).append(" CI: ").append(fixed(egger.limitCiLower(), digits)).append(", ")
            .append(fixed(egger.limitCiUpper(), digits)).append(')').append(nl).append(nl);

        sb.append("Begg and Mazumdar's rank correlation test").append(rank.exact() ? " (exact p-value)" : "")
            .append(':').append(nl)
            .append("  Kendall's tau = ").append(fixed(rank.tau(), digits)).append(", p-val ")
            .append(pValue(rank.pValue(), digits, true)).append(nl).append(nl);

        MetaAnalysisResult filled = trimfill.filled();
        sb.append("Trim-and-fill (").append(trimfill.estimator().name()).append(" estimator):").append(nl)
            .append("  estimated number of missing studies on the ").append(trimfill.side().label())
            .append(" side: ").append(trimfill.k0()).append(" (SE = ").append(fixed(trimfill.k0Se(), digits))
            .append(')').append(nl)
            .append("  estimate with the filled studies (k = ").append(filled.k()).append("): ")
            .append(fixed(filled.estimate(), digits)).append(" (SE = ").append(fixed(filled.se(), digits))
            .append(", ").append(pct).append(" CI: ").append(fixed(filled.ciLower(), digits)).append(", ")
            .append(fixed(filled.ciUpper(), digits)).append("), tau^2 = ").append(fixed(filled.tau2(), digits))
            .append(nl).append(nl);

        sb.append("Fail-safe N (Rosenthal): ").append(count(rosenthal.number()))
            .append(" (Stouffer's one-sided p-val ").append(pValue(rosenthal.pValue(), digits, true))
            .append(", alpha = 0.05)").append(nl);
        sb.append("Fail-safe N (Orwin):     ").append(count(orwin.number()))
            .append(" (mean effect ").append(fixed(orwin.meanEffect(), digits)).append(", target ")
            .append(fixed(orwin.target(), digits)).append(')').append(nl);
        return sb.toString();
    }

    private static String count(double n) {
        return Double.isFinite(n) ? Long.toString((long) n) : "Inf";
    }
}
