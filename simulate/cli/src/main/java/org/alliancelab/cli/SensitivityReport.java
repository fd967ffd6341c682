package org.alliancelab.cli;

import static org.alliancelab.cli.TextFormat.fixed;
import static org.alliancelab.cli.TextFormat.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliancelab.cli.SensitivityCommand.StudyRobustness;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.sensitivity.ConfoundedMetaAnalysisResult;
import org.alliancelab.meta.sensitivity.EValueResult;
import org.alliancelab.meta.sensitivity.EffectDirection;
import org.alliancelab.meta.sensitivity.RobustnessValueResult;

/**
 * The result of {@code sensitivity}: JSON with the header keys ({@code measure, method, test,
 * k}), the pooled fit ({@code estimate, se, ci_lb, ci_ub, tau2}) and its correlation
 * ({@code r, r_ci_lb, r_ci_ub}); the E-values ({@code rr, rr_ci_bound, e_value, e_value_ci});
 * the confounded meta-analysis ({@code q, bias, r_threshold, direction, mu_logrr, tau_logrr,
 * q_logrr, prop_above_q, t_min, g_min}); {@code robustness_value} ({@code q, alpha, t, df,
 * partial_r2, rv_q, rv_q_alpha}) and {@code per_study} (one object per study: {@code study, r,
 * n, covariates, df, t, partial_r2, rv_q, rv_q_alpha}; null for yi/vi input), or a summary in
 * words.
 */
final class SensitivityReport implements Report {

    private final StudyData data;
    private final MetaAnalysisResult pooled;
    private final EValueResult eValue;
    private final ConfoundedMetaAnalysisResult confounded;
    private final RobustnessValueResult robustness;
    private final List<StudyRobustness> perStudy;
    private final double q;

    private SensitivityReport(StudyData data, MetaAnalysisResult pooled, EValueResult eValue,
                              ConfoundedMetaAnalysisResult confounded, RobustnessValueResult robustness,
                              List<StudyRobustness> perStudy, double q) {
        this.data = data;
        this.pooled = pooled;
        this.eValue = eValue;
        this.confounded = confounded;
        this.robustness = robustness;
        this.perStudy = perStudy;
        this.q = q;
    }

    /**
     * @param q the threshold of a meaningful true correlation, with the sign of the pooled estimate
     */
    static SensitivityReport of(StudyData data, MetaAnalysisResult pooled, EValueResult eValue,
                                ConfoundedMetaAnalysisResult confounded, RobustnessValueResult robustness,
                                List<StudyRobustness> perStudy, double q) {
        return new SensitivityReport(data, pooled, eValue, confounded, robustness, perStudy, q);
    }

    private boolean fisherZ() {
        return data.measure().isFisherZ();
    }

    private double r() {
        return fisherZ() ? Correlations.fromFisherZ(pooled.estimate()) : pooled.estimate();
    }

    private double rLower() {
        return fisherZ() ? Correlations.fromFisherZ(pooled.ciLower()) : Math.max(-1, pooled.ciLower());
    }

    private double rUpper() {
        return fisherZ() ? Correlations.fromFisherZ(pooled.ciUpper()) : Math.min(1, pooled.ciUpper());
    }

    /** @return the values in JSON key order */
    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = ReportParts.header(data.measure(), pooled.estimator(), pooled.test(), data.k());
        m.put("estimate", value(pooled.estimate()));
        m.put("se", value(pooled.se()));
        m.put("ci_lb", value(pooled.ciLower()));
        m.put("ci_ub", value(pooled.ciUpper()));
        m.put("tau2", value(pooled.tau2()));
        m.put("r", value(r()));
        m.put("r_ci_lb", value(rLower()));
        m.put("r_ci_ub", value(rUpper()));
        m.put("rr", value(eValue.riskRatio()));
        m.put("rr_ci_bound", value(eValue.ciRiskRatio()));
        m.put("e_value", value(eValue.eValue()));
        m.put("e_value_ci", value(eValue.eValueCi()));
        m.put("q", value(q));
        m.put("bias", value(confounded.bias()));
        m.put("r_threshold", value(confounded.threshold()));
        m.put("direction", confounded.direction() == EffectDirection.APPARENTLY_CAUSATIVE ? "above" : "below");
        m.put("mu_logrr", value(confounded.mu()));
        m.put("tau_logrr", value(confounded.tau()));
        m.put("q_logrr", value(confounded.q()));
        m.put("prop_above_q", value(confounded.proportion()));
        m.put("t_min", value(confounded.tMin()));
        m.put("g_min", value(confounded.gMin()));
        m.put("robustness_value", robustness(robustness));
        if (perStudy == null) {
            m.put("per_study", null);
        } else {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StudyRobustness s : perStudy) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("study", s.study());
                row.put("r", value(s.r()));
                row.put("n", s.n());
                row.put("covariates", s.covariates());
                if (s.result() == null) {
                    for (String key : new String[] {"df", "t", "partial_r2", "rv_q", "rv_q_alpha"}) {
                        row.put(key, null);
                    }
                } else {
                    row.put("df", value(s.result().df()));
                    row.put("t", value(s.result().t()));
                    row.put("partial_r2", value(s.result().partialR2()));
                    row.put("rv_q", value(s.result().rvQ()));
                    row.put("rv_q_alpha", value(s.result().rvQAlpha()));
                }
                rows.add(row);
            }
            m.put("per_study", rows);
        }
        return m;
    }

    private static Map<String, Object> robustness(RobustnessValueResult rv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("q", value(rv.q()));
        m.put("alpha", value(rv.alpha()));
        m.put("t", value(rv.t()));
        m.put("df", value(rv.df()));
        m.put("partial_r2", value(rv.partialR2()));
        m.put("rv_q", value(rv.rvQ()));
        m.put("rv_q_alpha", value(rv.rvQAlpha()));
        return m;
    }

    @Override
    public String text(int digits) {
        String nl = System.lineSeparator();
        boolean causative = confounded.direction() == EffectDirection.APPARENTLY_CAUSATIVE;
        String level = TextFormat.percent(pooled.level());
        String qr = fixed(q, digits);
        StringBuilder sb = new StringBuilder();
        sb.append("Sensitivity to unmeasured confounding (k = ").append(data.k()).append("; tau^2 estimator: ")
            .append(pooled.estimator().name()).append(')').append(nl);
        sb.append(ReportParts.effectSize(data)).append(nl).append(nl);
        sb.append("Pooled correlation: r = ").append(fixed(r(), digits)).append(" (").append(level).append(" CI: ")
            .append(fixed(rLower(), digits)).append(", ").append(fixed(rUpper(), digits)).append("), tau^2 = ")
            .append(fixed(pooled.tau2(), digits)).append(" on the ").append(data.measure().name()).append(" scale")
            .append(nl);
        sb.append("As a risk ratio (RR = exp(0.91 d), d = 2r/sqrt(1 - r^2)): RR = ")
            .append(fixed(eValue.riskRatio(), digits));
        if (!Double.isNaN(eValue.ciRiskRatio())) {
            sb.append(", CI bound closest to 1: ").append(fixed(eValue.ciRiskRatio(), digits));
        }
        sb.append(nl).append(nl);

        sb.append("E-value (VanderWeele & Ding 2017):").append(nl);
        sb.append("  estimate: ").append(fixed(eValue.eValue(), digits)).append(nl);
        sb.append("    an unmeasured confounder associated with both exposure and outcome by a risk ratio of ")
            .append(fixed(eValue.eValue(), 2)).append(" each,").append(nl)
            .append("    beyond the measured covariates, could explain the pooled correlation away; weaker confounding "
                + "could not").append(nl);
        sb.append("  confidence interval: ").append(fixed(eValue.eValueCi(), digits)).append(nl);
        if (Double.isNaN(eValue.ciRiskRatio())) {
            sb.append("    the ").append(level).append(" CI already includes 0: no confounding is needed to "
                + "move it there").append(nl);
        } else {
            sb.append("    confounding of ").append(fixed(eValue.eValueCi(), 2))
                .append(" with both would move the ").append(level).append(" CI to include 0").append(nl);
        }
        sb.append(nl);

        String beyond = causative ? "above" : "below";
        sb.append("Confounded meta-analysis (Mathur & VanderWeele 2020, parametric; log RR: mu = ")
            .append(fixed(confounded.mu(), digits)).append(", tau = ").append(fixed(confounded.tau(), digits))
            .append(", q = ").append(fixed(confounded.q(), digits)).append("):").append(nl);
        sb.append("  proportion of true correlations ").append(beyond).append(' ').append(qr)
            .append(" after removing a bias factor of ").append(fixed(confounded.bias(), digits)).append(": ")
            .append(ReportParts.percentage(100 * confounded.proportion())).append(nl);
        sb.append("  T_min = ").append(fixed(confounded.tMin(), digits))
            .append(": the smallest bias factor (risk ratio) that brings the true correlations ").append(beyond)
            .append(' ').append(qr).append(" below ").append(percentOf(confounded.threshold())).append(nl);
        sb.append("  G_min = ").append(fixed(confounded.gMin(), digits))
            .append(": the confounding strength (risk ratio with exposure and with outcome, both) that produces it")
            .append(nl);
        if (confounded.tMin() == 1) {
            sb.append("  (the proportion is below ").append(percentOf(confounded.threshold()))
                .append(" without any bias, so T_min = G_min = 1)").append(nl);
        }
        sb.append(nl);

        String rq = fixed(robustness.q(), 2).replaceAll("0+$", "").replaceAll("\\.$", "");
        String a = String.valueOf(robustness.alpha());
        sb.append("Robustness value (Cinelli & Hazlett 2020) of the pooled correlation (t = ")
            .append(fixed(robustness.t(), digits)).append(", effective df = ").append(fixed(robustness.df(), 1))
            .append("):").append(nl);
        sb.append("  partial R^2 of exposure with outcome: ").append(ReportParts.percentage(100 * robustness.partialR2()))
            .append(nl);
        sb.append("  RV_q = ").append(ReportParts.percentage(100 * robustness.rvQ())).append(" (q = ").append(rq)
            .append("): a confounder explaining that share of the residual variance of both exposure and outcome")
            .append(nl).append("    would reduce the correlation by ").append(percentOf(robustness.q()))
            .append(nl);
        sb.append("  RV_q,alpha = ").append(ReportParts.percentage(100 * robustness.rvQAlpha())).append(" (alpha = ")
            .append(a).append("): one explaining that share would make the reduced correlation not significant")
            .append(nl);
        if (perStudy != null) {
            sb.append(nl).append("Per study (df = n - p - 2, p the covariates partialled out):").append(nl).append(nl);
            List<String[]> rows = new ArrayList<>();
            for (StudyRobustness s : perStudy) {
                RobustnessValueResult res = s.result();
                rows.add(new String[] {s.study(), fixed(s.r(), digits), String.valueOf(s.n()),
                    String.valueOf(s.covariates()), res == null ? "NA" : fixed(res.df(), 0),
                    res == null ? "NA" : fixed(100 * res.partialR2(), 2),
                    res == null ? "NA" : fixed(100 * res.rvQ(), 2),
                    res == null ? "NA" : fixed(100 * res.rvQAlpha(), 2)});
            }
            sb.append(TextFormat.table(new String[] {"study", "r", "n", "p", "df", "R2(%)", "RV_q(%)", "RV_qa(%)"},
                rows, true, nl));
        }
        return sb.toString();
    }

    private static String percentOf(double share) {
        return String.format(Locale.ROOT, "%.4f", 100 * share).replaceAll("0+$", "").replaceAll("\\.$", "") + "%";
    }
}
