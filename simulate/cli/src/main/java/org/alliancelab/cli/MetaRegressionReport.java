package org.alliancelab.cli;

import static org.alliancelab.cli.TextFormat.fixed;
import static org.alliancelab.cli.TextFormat.pValue;
import static org.alliancelab.cli.TextFormat.percent;
import static org.alliancelab.cli.TextFormat.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.cli.io.CompleteCases;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.regression.Coefficient;
import org.alliancelab.meta.regression.MetaRegressionResult;

/**
 * The result of {@code pool --mods} as JSON (the keys of plain {@code pool}, plus
 * {@code coefficients}, {@code QM}, {@code QMp}, {@code R2}) or as a summary in the manner of
 * metafor's {@code print.rma} for a mixed-effects model. {@code k} counts the studies used;
 * {@code k_omitted} and {@code omitted} those left out for a missing moderator value.
 *
 * <p>A meta-regression has no single pooled estimate: the plain keys {@code estimate},
 * {@code se}, {@code zval}, {@code pval}, {@code ci_lb}, {@code ci_ub}, the prediction
 * interval, the Q-profile CI of tau<sup>2</sup> and the back-transformed {@code r*} values are
 * {@code null}; the coefficients carry the estimates. {@code tau2}, {@code I2}, {@code H2},
 * {@code QE} and {@code QEp} are the residual ones.
 */
final class MetaRegressionReport implements Report {

    private final CompleteCases cases;
    private final StudyData data;
    private final MetaRegressionResult result;

    private MetaRegressionReport(CompleteCases cases, MetaRegressionResult result) {
        this.cases = cases;
        this.data = cases.used();
        this.result = result;
    }

    /**
     * @param cases the studies the model used and those it left out
     * @param result the fit on the studies used
     * @return the report
     */
    static MetaRegressionReport of(CompleteCases cases, MetaRegressionResult result) {
        return new MetaRegressionReport(cases, result);
    }

    private boolean commonEffect() {
        return result.estimator() == TauSquaredEstimator.EE;
    }

    /** @return the values in JSON key order */
    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = ReportParts.header(data.measure(), result.estimator(), result.test(), result.k());
        ReportParts.putOmitted(m, cases);
        for (String key : List.of("estimate", "se", "zval", "pval", "ci_lb", "ci_ub")) {
            m.put(key, null);
        }
        ReportParts.putHeterogeneity(m, result.tau2(), result.i2(), result.h2(), result.qe(), result.qeP());
        m.put("pi_lb", null);
        m.put("pi_ub", null);
        m.put("tau2_se", commonEffect() ? null : value(result.tau2Se()));
        m.put("tau2_ci_lb", null);
        m.put("tau2_ci_ub", null);
        if (data.measure().isFisherZ()) {
            for (String key : List.of("r", "r_ci_lb", "r_ci_ub", "r_pi_lb", "r_pi_ub")) {
                m.put(key, null);
            }
        }
        List<Map<String, Object>> coefficients = new ArrayList<>();
        for (Coefficient c : result.coefficients()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            ReportParts.putInference(cm, c.estimate(), c.se(), c.statistic(), c.pValue(), c.ciLower(), c.ciUpper());
            coefficients.add(cm);
        }
        m.put("coefficients", coefficients);
        m.put("QM", value(result.qm()));
        m.put("QMdf", qmDf());
        m.put("QMp", value(result.qmP()));
        m.put("R2", commonEffect() ? null : value(result.r2()));
        return m;
    }

    /** [m] for the chi-squared test, [m, k - p] for Knapp-Hartung's F test. */
    private List<Integer> qmDf() {
        return knha() ? List.of(result.qmDf(), result.k() - result.p()) : List.of(result.qmDf());
    }

    private boolean knha() {
        return result.test() == InferenceTest.KNHA;
    }

    /**
     * @param digits decimals of the printed values
     * @return the readable summary
     */
    @Override
    public String text(int digits) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        int k = result.k();
        int p = result.p();
        if (commonEffect()) {
            sb.append("Fixed-effects meta-regression (k = ").append(k).append(')').append(nl);
        } else {
            sb.append("Mixed-effects meta-regression (k = ").append(k).append("; tau^2 estimator: ")
                .append(result.estimator().name()).append(')').append(nl);
        }
        sb.append(ReportParts.effectSize(data)).append(nl).append(ReportParts.omitted(cases, nl)).append(nl);

        List<String[]> het = new ArrayList<>();
        if (!commonEffect()) {
            het.add(new String[] {"tau^2 (estimated amount of residual heterogeneity):",
                ReportParts.tau2WithSe(result.tau2(), result.tau2Se(), digits)});
            het.add(new String[] {"tau (square root of estimated tau^2 value):", fixed(Math.sqrt(result.tau2()), digits)});
        }
        het.add(new String[] {"I^2 (residual heterogeneity / unaccounted variability):", ReportParts.percentage(result.i2())});
        het.add(new String[] {"H^2 (unaccounted variability / sampling variability):", fixed(result.h2(), 2)});
        if (!commonEffect()) {
            het.add(new String[] {"R^2 (amount of heterogeneity accounted for):", ReportParts.percentage(result.r2())});
        }
        sb.append(ReportParts.labelled(het, nl));
        sb.append(nl).append("Test for residual heterogeneity:").append(nl)
            .append("QE(df = ").append(k - p).append(") = ").append(fixed(result.qe(), digits))
            .append(", p-val ").append(pValue(result.qeP(), digits, true)).append(nl).append(nl);

        sb.append("Test of moderators (coefficient").append(p > 2 ? "s 2:" + p : " 2").append("):").append(nl);
        if (knha()) {
            sb.append("F(df1 = ").append(result.qmDf()).append(", df2 = ").append(k - p).append(") = ");
        } else {
            sb.append("QM(df = ").append(result.qmDf()).append(") = ");
        }
        sb.append(fixed(result.qm(), digits)).append(", p-val ").append(pValue(result.qmP(), digits, true))
            .append(nl).append(nl);

        sb.append("Model results (").append(knha() ? "Knapp-Hartung t tests, df = " + (k - p) : "Wald z tests")
            .append(", ").append(percent(result.level())).append(" CI):").append(nl).append(nl);
        List<String[]> rows = new ArrayList<>();
        for (Coefficient c : result.coefficients()) {
            rows.add(new String[] {c.name(), fixed(c.estimate(), digits), fixed(c.se(), digits),
                fixed(c.statistic(), digits), pValue(c.pValue(), digits, false), fixed(c.ciLower(), digits),
                fixed(c.ciUpper(), digits), stars(c.pValue())});
        }
        sb.append(TextFormat.table(new String[] {"", "estimate", "se", ReportParts.statisticName(result.test()), "pval", "ci.lb",
            "ci.ub", ""}, rows, true, nl));
        sb.append(nl).append("Signif. codes: 0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1").append(nl);
        return sb.toString();
    }

    /** R's significance stars. */
    private static String stars(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "";
    }
}
