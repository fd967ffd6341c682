package org.alliancelab.cli;

import static org.alliancelab.cli.TextFormat.fixed;
import static org.alliancelab.cli.TextFormat.pValue;
import static org.alliancelab.cli.TextFormat.percent;
import static org.alliancelab.cli.TextFormat.table;
import static org.alliancelab.cli.TextFormat.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.pooling.TauSquaredInterval;

/**
 * The result of {@code pool} as JSON (the keys of the golden files' {@code expected} objects)
 * or as a readable summary in the manner of metafor's {@code print.rma}.
 */
final class PoolReport implements Report {

    private final StudyData data;
    private final MetaAnalysisResult result;
    /** Q-profile CI of tau^2; null for the common-effect model. */
    private final TauSquaredInterval tau2Interval;

    private PoolReport(StudyData data, MetaAnalysisResult result, TauSquaredInterval tau2Interval) {
        this.data = data;
        this.result = result;
        this.tau2Interval = tau2Interval;
    }

    static PoolReport of(StudyData data, MetaAnalysisResult result, TauSquaredInterval tau2Interval) {
        return new PoolReport(data, result, tau2Interval);
    }

    private boolean commonEffect() {
        return result.estimator() == TauSquaredEstimator.EE;
    }

    /**
     * The values in JSON key order. Values that do not exist for the model (prediction
     * interval, SE and CI of tau^2 for the common-effect model, Q's p-value for k = 1) are null.
     */
    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = ReportParts.header(data.measure(), result.estimator(), result.test(), result.k());
        ReportParts.putResult(m, result);
        m.put("pi_lb", commonEffect() ? null : value(result.piLower()));
        m.put("pi_ub", commonEffect() ? null : value(result.piUpper()));
        m.put("tau2_se", commonEffect() ? null : value(result.tau2Se()));
        m.put("tau2_ci_lb", tau2Interval == null ? null : value(tau2Interval.lower()));
        m.put("tau2_ci_ub", tau2Interval == null ? null : value(tau2Interval.upper()));
        if (data.measure().isFisherZ()) {
            MetaAnalysisResult.CorrelationSummary r = result.toCorrelation();
            m.put("r", value(r.r()));
            m.put("r_ci_lb", value(r.ciLower()));
            m.put("r_ci_ub", value(r.ciUpper()));
            m.put("r_pi_lb", commonEffect() ? null : value(r.piLower()));
            m.put("r_pi_ub", commonEffect() ? null : value(r.piUpper()));
        }
        return m;
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
        String pct = percent(result.level());
        if (commonEffect()) {
            sb.append("Common-effect model (k = ").append(k).append(')').append(nl);
        } else {
            sb.append("Random-effects model (k = ").append(k).append("; tau^2 estimator: ")
                .append(result.estimator().name()).append(')').append(nl);
        }
        sb.append(ReportParts.effectSize(data)).append(nl).append(nl);

        List<String[]> het = new ArrayList<>();
        if (!commonEffect()) {
            het.add(new String[] {"tau^2 (estimated amount of total heterogeneity):",
                ReportParts.tau2WithSe(result.tau2(), result.tau2Se(), digits)});
            if (tau2Interval != null) {
                het.add(new String[] {"tau^2 " + pct + " CI (Q-profile):", "[" + fixed(tau2Interval.lower(), digits)
                    + ", " + (tau2Interval.upperTruncated() ? ">" : "") + fixed(tau2Interval.upper(), digits) + "]"});
            }
            het.add(new String[] {"tau (square root of estimated tau^2 value):", fixed(result.tau(), digits)});
        }
        het.add(new String[] {"I^2 (total heterogeneity / total variability):", ReportParts.percentage(result.i2())});
        het.add(new String[] {"H^2 (total variability / sampling variability):", fixed(result.h2(), 2)});
        sb.append(ReportParts.labelled(het, nl));
        sb.append(nl).append("Test for heterogeneity:").append(nl)
            .append("Q(df = ").append(k - 1).append(") = ").append(fixed(result.qe(), digits))
            .append(", p-val ").append(pValue(result.qeP(), digits, true)).append(nl).append(nl);

        boolean knha = result.test() == InferenceTest.KNHA;
        sb.append("Model results (").append(knha ? "Knapp-Hartung t test, df = " + (k - 1) : "Wald z test")
            .append(", ").append(pct).append(" CI):").append(nl).append(nl);
        sb.append(table(
            new String[] {"estimate", "se", ReportParts.statisticName(result.test()), "pval", "ci.lb", "ci.ub"},
            new String[] {fixed(result.estimate(), digits), fixed(result.se(), digits),
                fixed(result.statistic(), digits), pValue(result.pValue(), digits, false),
                fixed(result.ciLower(), digits), fixed(result.ciUpper(), digits)}, nl));
        if (!commonEffect()) {
            sb.append(nl).append("Prediction interval (").append(pct).append("): [")
                .append(fixed(result.piLower(), digits)).append(", ").append(fixed(result.piUpper(), digits))
                .append(']').append(nl);
        }
        if (data.measure().isFisherZ()) {
            MetaAnalysisResult.CorrelationSummary r = result.toCorrelation();
            sb.append(nl).append(ReportParts.BACK_TRANSFORMED).append(nl).append(nl);
            if (commonEffect()) {
                sb.append(table(new String[] {"r", "ci.lb", "ci.ub"},
                    new String[] {fixed(r.r(), digits), fixed(r.ciLower(), digits), fixed(r.ciUpper(), digits)}, nl));
            } else {
                sb.append(table(new String[] {"r", "ci.lb", "ci.ub", "pi.lb", "pi.ub"},
                    new String[] {fixed(r.r(), digits), fixed(r.ciLower(), digits), fixed(r.ciUpper(), digits),
                        fixed(r.piLower(), digits), fixed(r.piUpper(), digits)}, nl));
            }
        }
        return sb.toString();
    }
}
