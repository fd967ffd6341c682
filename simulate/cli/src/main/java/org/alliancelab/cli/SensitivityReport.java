package org.alliancelab.cli;

import static org.alliancelab.cli.TextFormat.fixed;
import static org.alliancelab.cli.TextFormat.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.confounding.EValue;
import org.alliancelab.meta.confounding.RobustnessValue;
import org.alliancelab.meta.pooling.MetaAnalysisResult;

/**
 * The result of {@code sensitivity}: JSON with {@code r}, {@code ci_lb}, {@code ci_ub},
 * {@code e_value}, {@code e_value_ci}, {@code robustness_value} (pooled: {@code q},
 * {@code alpha}, {@code df}, {@code partial_r2}, {@code rv_q}, {@code rv_qa}) and
 * {@code studies} (the same per study), or a summary in words.
 */
final class SensitivityReport implements Report {
    private final StudyData data;
    private final MetaAnalysisResult fit;
    private final double r;
    private final double lower;
    private final double upper;
    private final EValue e;
    private final RobustnessValue pooled;
    private final List<RobustnessValue> studies;

    private SensitivityReport(StudyData data, MetaAnalysisResult fit, double r, double lower, double upper, EValue e,
                              RobustnessValue pooled, List<RobustnessValue> studies) {
        this.data = data;
        this.fit = fit;
        this.r = r;
        this.lower = lower;
        this.upper = upper;
        this.e = e;
        this.pooled = pooled;
        this.studies = List.copyOf(studies);
    }

    static SensitivityReport of(StudyData data, MetaAnalysisResult fit, double r, double lower, double upper, EValue e,
                                RobustnessValue pooled, List<RobustnessValue> studies) {
        return new SensitivityReport(data, fit, r, lower, upper, e, pooled, studies);
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = ReportParts.header(data.measure(), fit.estimator(), fit.test(), data.k());
        m.put("r", value(r));
        m.put("ci_lb", value(lower));
        m.put("ci_ub", value(upper));
        m.put("risk_ratio", value(e.riskRatio()));
        m.put("e_value", value(e.eValue()));
        m.put("e_value_ci", value(e.eValueCi()));
        m.put("robustness_value", robustness(pooled));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < studies.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("study", data.label(i));
            row.putAll(robustness(studies.get(i)));
            rows.add(row);
        }
        m.put("studies", rows);
        return m;
    }

    private static Map<String, Object> robustness(RobustnessValue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("q", value(v.q()));
        m.put("alpha", value(v.alpha()));
        m.put("df", value(v.df()));
        m.put("partial_r2", value(v.partialR2()));
        m.put("rv_q", value(v.rvQ()));
        m.put("rv_qa", value(v.rvQAlpha()));
        return m;
    }

    @Override
    public String text(int digits) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Sensitivity to unmeasured confounding (k = %d; %s)%n", data.k(),
            fit.estimator()));
        sb.append(String.format(Locale.ROOT, "pooled r = %s, %.0f%% CI [%s, %s]%n", fixed(r, digits),
            100 * fit.level(), fixed(lower, digits), fixed(upper, digits))).append(nl);
        sb.append(String.format(Locale.ROOT, "E-value %s (CI bound closest to 0: %s)%n", fixed(e.eValue(), 2),
            fixed(e.eValueCi(), 2)));
        sb.append(String.format(Locale.ROOT, "  an unmeasured confounder associated with both exposure and outcome by a "
            + "risk ratio of %s each could explain the pooled r (approximate RR %s) away; %s each could move its "
            + "CI to include 0%n", fixed(e.eValue(), 2), fixed(e.riskRatio(), 2), fixed(e.eValueCi(), 2)));
        sb.append(nl);
        sb.append(String.format(Locale.ROOT, "Robustness value (q = %s, alpha = %s, implied df %s): RV_q = %s%%, "
                + "RV_q,alpha = %s%%, partial R^2 of exposure with outcome %s%%%n", fixed(pooled.q(), 2),
            fixed(pooled.alpha(), 2), fixed(pooled.df(), 1), fixed(100 * pooled.rvQ(), 2),
            fixed(100 * pooled.rvQAlpha(), 2), fixed(100 * pooled.partialR2(), 2)));
        sb.append(String.format(Locale.ROOT, "  a confounder explaining %s%% of the residual variance of both exposure "
            + "and outcome would remove %s%% of the pooled estimate; %s%% of both would make it non-significant%n",
            fixed(100 * pooled.rvQ(), 2), fixed(100 * pooled.q(), 0), fixed(100 * pooled.rvQAlpha(), 2)));
        double min = studies.stream().mapToDouble(RobustnessValue::rvQ).min().orElse(Double.NaN);
        double max = studies.stream().mapToDouble(RobustnessValue::rvQ).max().orElse(Double.NaN);
        sb.append(String.format(Locale.ROOT, "  per study RV_q from %s%% to %s%% (JSON: studies)%n",
            fixed(100 * min, 2), fixed(100 * max, 2)));
        return sb.toString();
    }
}
