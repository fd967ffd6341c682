package org.alliancelab.cli;

import static org.alliancelab.cli.TextFormat.fixed;
import static org.alliancelab.cli.TextFormat.pValue;
import static org.alliancelab.cli.TextFormat.percent;
import static org.alliancelab.cli.TextFormat.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.bias.EggerResult;
import org.alliancelab.meta.bias.FailSafeResult;
import org.alliancelab.meta.bias.PValueAlternative;
import org.alliancelab.meta.bias.PetPeeseResult;
import org.alliancelab.meta.bias.RankCorrelationResult;
import org.alliancelab.meta.bias.SelectionModelResult;
import org.alliancelab.meta.bias.SelectionWeight;
import org.alliancelab.meta.bias.TrimAndFillResult;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.regression.Coefficient;
import org.alliancelab.meta.regression.MetaRegressionResult;

/**
 * The result of {@code bias}: JSON with the objects {@code egger} {@code {zval, pval,
 * limit_estimate}}, {@code ranktest} {@code {tau, pval}}, {@code trimfill} {@code {k0, side,
 * estimate, se, tau2}}, {@code failsafe} {@code {fsnum, pval}} (Rosenthal) and
 * {@code failsafe_orwin} {@code {fsnum, mean_effect, target}}, {@code pet_peese} {@code {pet,
 * peese, alpha, chosen, estimate}} (each regression {@code {estimate, se, zval, pval, ci_lb, ci_ub,
 * slope, tau2}}) and {@code selmodel} ({@code null} without {@code --selmodel}; else
 * {@code {steps, alternative, method, estimate, se, zval, pval, ci_lb, ci_ub, tau2, se_tau2, LRT,
 * LRTdf, LRTp, ll, ll0, intervals}}, each interval {@code {lower, upper, k, delta, se, zval, pval,
 * ci_lb, ci_ub, at_bound}}, metafor's names), or a readable summary.
 */
final class BiasReport implements Report {

    private final StudyData data;
    private final RandomEffectsModel model;
    private final EggerResult egger;
    private final RankCorrelationResult rank;
    private final TrimAndFillResult trimfill;
    private final FailSafeResult rosenthal;
    private final FailSafeResult orwin;
    private final PetPeeseResult petPeese;
    /** The selection model, or null when none was asked for. */
    private final SelectionModelResult selection;

    private BiasReport(StudyData data, RandomEffectsModel model, EggerResult egger, RankCorrelationResult rank,
                       TrimAndFillResult trimfill, FailSafeResult rosenthal, FailSafeResult orwin,
                       PetPeeseResult petPeese, SelectionModelResult selection) {
        this.data = data;
        this.model = model;
        this.egger = egger;
        this.rank = rank;
        this.trimfill = trimfill;
        this.rosenthal = rosenthal;
        this.orwin = orwin;
        this.petPeese = petPeese;
        this.selection = selection;
    }

    static BiasReport of(StudyData data, RandomEffectsModel model, EggerResult egger, RankCorrelationResult rank,
                         TrimAndFillResult trimfill, FailSafeResult rosenthal, FailSafeResult orwin,
                         PetPeeseResult petPeese, SelectionModelResult selection) {
        return new BiasReport(data, model, egger, rank, trimfill, rosenthal, orwin, petPeese, selection);
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
        Map<String, Object> pp = new LinkedHashMap<>();
        pp.put("pet", regression(petPeese.pet()));
        pp.put("peese", regression(petPeese.peese()));
        pp.put("alpha", petPeese.alpha());
        pp.put("chosen", petPeese.chosen().name());
        pp.put("estimate", value(petPeese.estimate().estimate()));
        m.put("pet_peese", pp);
        m.put("selmodel", selection == null ? null : selection());
        return m;
    }

    private static Map<String, Object> regression(MetaRegressionResult r) {
        Coefficient b0 = r.coefficients().get(0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimate", value(b0.estimate()));
        m.put("se", value(b0.se()));
        m.put("zval", value(b0.statistic()));
        m.put("pval", value(b0.pValue()));
        m.put("ci_lb", value(b0.ciLower()));
        m.put("ci_ub", value(b0.ciUpper()));
        m.put("slope", value(r.coefficients().get(1).estimate()));
        m.put("tau2", value(r.tau2()));
        return m;
    }

    private Map<String, Object> selection() {
        SelectionModelResult s = selection;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", s.weights().stream().map(SelectionWeight::upper).toList());
        m.put("alternative", s.alternative().label());
        m.put("method", s.randomEffects() ? "ML" : "EE");
        m.put("estimate", value(s.estimate()));
        m.put("se", value(s.se()));
        m.put("zval", value(s.statistic()));
        m.put("pval", value(s.pValue()));
        m.put("ci_lb", value(s.ciLower()));
        m.put("ci_ub", value(s.ciUpper()));
        m.put("tau2", value(s.tau2()));
        m.put("se_tau2", value(s.tau2Se()));
        m.put("LRT", value(s.lrt()));
        m.put("LRTdf", s.lrtDf());
        m.put("LRTp", value(s.lrtPValue()));
        m.put("ll", value(s.logLikelihood()));
        m.put("ll0", value(s.logLikelihoodWithoutSelection()));
        List<Map<String, Object>> intervals = new ArrayList<>();
        for (SelectionWeight w : s.weights()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("lower", w.lower());
            i.put("upper", w.upper());
            i.put("k", w.k());
            i.put("delta", value(w.weight()));
            i.put("se", value(w.se()));
            i.put("zval", value(w.statistic()));
            i.put("pval", value(w.pValue()));
            i.put("ci_lb", value(w.ciLower()));
            i.put("ci_ub", value(w.ciUpper()));
            i.put("at_bound", w.atBound());
            intervals.add(i);
        }
        m.put("intervals", intervals);
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
            .append(fixed(orwin.target(), digits)).append(')').append(nl).append(nl);

        String stat = knha ? "t" : "z";
        sb.append("PET-PEESE (meta-regressions on the standard error and on the sampling variance):").append(nl);
        sb.append("  PET   intercept: ").append(coefficient(petPeese.petIntercept(), stat, pct, digits)).append(nl);
        sb.append("  PEESE intercept: ").append(coefficient(petPeese.peeseIntercept(), stat, pct, digits)).append(nl);
        sb.append("  conditional estimate: ").append(fixed(petPeese.estimate().estimate(), digits)).append(" (")
            .append(petPeese.chosen().name()).append(", as PET's p-val ")
            .append(petPeese.chosen() == PetPeeseResult.Choice.PEESE ? "<" : ">=").append(' ')
            .append(fixed(petPeese.alpha(), 2)).append(')').append(nl);
        if (selection != null) {
            sb.append(nl).append(selectionText(digits, pct, nl));
        }
        return sb.toString();
    }

    private static String coefficient(Coefficient c, String stat, String pct, int digits) {
        return fixed(c.estimate(), digits) + " (SE = " + fixed(c.se(), digits) + ", " + stat + " = "
            + fixed(c.statistic(), digits) + ", p-val " + pValue(c.pValue(), digits, true) + "; " + pct + " CI: "
            + fixed(c.ciLower(), digits) + ", " + fixed(c.ciUpper(), digits) + ")";
    }

    private String selectionText(int digits, String pct, String nl) {
        SelectionModelResult s = selection;
        StringBuilder sb = new StringBuilder();
        sb.append("Step-function selection model (").append(s.weights().size() == 2
                && s.weights().get(0).upper() == 0.025 && s.alternative() == PValueAlternative.GREATER ? "3PSM, " : "")
            .append(s.alternative() == PValueAlternative.TWO_SIDED ? "two-sided" : "one-sided")
            .append(" p-values, alternative ").append(s.alternative().label()).append(", ")
            .append(s.randomEffects() ? "ML" : "EE").append("):").append(nl);
        sb.append("  adjusted estimate: ").append(fixed(s.estimate(), digits)).append(" (SE = ")
            .append(fixed(s.se(), digits)).append(", z = ").append(fixed(s.statistic(), digits)).append(", p-val ")
            .append(pValue(s.pValue(), digits, true)).append("; ").append(pct).append(" CI: ")
            .append(fixed(s.ciLower(), digits)).append(", ").append(fixed(s.ciUpper(), digits)).append(')').append(nl);
        if (s.randomEffects()) {
            sb.append("  tau^2 = ").append(fixed(s.tau2(), digits)).append(" (SE = ").append(fixed(s.tau2Se(), digits))
                .append(')').append(nl);
        }
        sb.append("  likelihood-ratio test of no selection: X^2(").append(s.lrtDf()).append(") = ")
            .append(fixed(s.lrt(), digits)).append(", p-val ").append(pValue(s.lrtPValue(), digits, true))
            .append(" (without selection: estimate ").append(fixed(s.withoutSelection().estimate(), digits))
            .append(", tau^2 = ").append(fixed(s.withoutSelection().tau2(), digits)).append(')').append(nl);
        List<String[]> rows = new ArrayList<>();
        for (SelectionWeight w : s.weights()) {
            rows.add(new String[] {trim(w.lower()) + " < p <= " + trim(w.upper()), Integer.toString(w.k()),
                fixed(w.weight(), digits) + (w.atBound() ? " (bound)" : ""), fixed(w.se(), digits),
                pValue(w.pValue(), digits, false)});
        }
        sb.append(TextFormat.table(new String[] {"interval", "k", "weight", "SE", "p-val (weight = 1)"}, rows, true,
            nl).replaceAll("(?m)^", "  "));
        return sb.toString();
    }

    /** A step without trailing zeros. */
    private static String trim(double step) {
        return BigDecimal.valueOf(step).stripTrailingZeros().toPlainString();
    }

    private static String count(double n) {
        return Double.isFinite(n) ? Long.toString((long) n) : "Inf";
    }
}
