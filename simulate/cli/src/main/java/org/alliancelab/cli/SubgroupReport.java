package org.alliancelab.cli;

import static org.alliancelab.cli.TextFormat.fixed;
import static org.alliancelab.cli.TextFormat.pValue;
import static org.alliancelab.cli.TextFormat.percent;
import static org.alliancelab.cli.TextFormat.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliancelab.cli.io.CompleteCases;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredInterval;
import org.alliancelab.meta.subgroup.HeterogeneityAssumption;
import org.alliancelab.meta.subgroup.Subgroup;
import org.alliancelab.meta.subgroup.SubgroupResult;

/**
 * The result of {@code pool --by} as JSON ({@code groups}: the plain {@code pool} keys of each
 * subgroup plus {@code level}; {@code Qbetween}, {@code Qbetween_df}, {@code Qbetween_p}) or as
 * a table of the subgroups and the test of subgroup differences. {@code k} counts the studies in
 * the subgroups; {@code k_omitted} and {@code omitted} those without a level, which are in none.
 */
final class SubgroupReport implements Report {

    private final CompleteCases cases;
    private final StudyData data;
    private final RandomEffectsModel model;
    private final String by;
    private final SubgroupResult result;
    /** Q-profile CI of each subgroup's tau^2 (null entries where there is none). */
    private final List<TauSquaredInterval> tau2Intervals;

    private SubgroupReport(CompleteCases cases, RandomEffectsModel model, String by, SubgroupResult result,
                           List<TauSquaredInterval> tau2Intervals) {
        this.cases = cases;
        this.data = cases.used();
        this.model = model;
        this.by = by;
        this.result = result;
        this.tau2Intervals = tau2Intervals;
    }

    /**
     * @param cases the studies in the subgroups and those without a subgroup
     * @param model the model each subgroup was pooled with (its test is reported even where a
     *     one-study subgroup fell back to z)
     * @param by the grouping column
     * @param result the subgroup analysis
     * @param tau2Intervals per group, in the result's order; null entries where there is no CI
     * @return the report
     */
    static SubgroupReport of(CompleteCases cases, RandomEffectsModel model, String by, SubgroupResult result,
                             List<TauSquaredInterval> tau2Intervals) {
        return new SubgroupReport(cases, model, by, result, tau2Intervals);
    }

    /** @return the values in JSON key order */
    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = ReportParts.header(data.measure(), model.estimator(), model.test(), data.k());
        ReportParts.putOmitted(m, cases);
        m.put("by", by);
        m.put("subgroup_tau2", result.assumption().name().toLowerCase(Locale.ROOT));
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int g = 0; g < result.groups().size(); g++) {
            Subgroup s = result.groups().get(g);
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("level", s.level());
            gm.putAll(PoolReport.of(data, s.result(), tau2Intervals.get(g)).fields());
            groups.add(gm);
        }
        m.put("groups", groups);
        m.put("Qbetween", value(result.qBetween()));
        m.put("Qbetween_df", result.df());
        m.put("Qbetween_p", value(result.pValue()));
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
        boolean knha = model.test() == InferenceTest.KNHA;
        sb.append("Subgroup analysis by '").append(by).append("' (k = ").append(data.k()).append("; ")
            .append(result.groups().size()).append(" subgroups; tau^2 estimator: ").append(model.estimator().name())
            .append(", ").append(result.assumption() == HeterogeneityAssumption.COMMON
                ? "common to all subgroups" : "separate per subgroup").append(')').append(nl);
        sb.append(ReportParts.effectSize(data)).append(nl).append(ReportParts.omitted(cases, nl)).append(nl);
        boolean single = result.groups().stream().anyMatch(g -> g.result().k() == 1);
        sb.append("Subgroup results (").append(knha ? "Knapp-Hartung t tests, df = k - 1"
            + (single ? "; z for a single study" : "") : "Wald z tests").append(", ").append(percent(model.confidenceLevel())).append(" CI):").append(nl).append(nl);
        List<String[]> rows = new ArrayList<>();
        for (Subgroup s : result.groups()) {
            MetaAnalysisResult r = s.result();
            rows.add(new String[] {s.level(), Integer.toString(r.k()), fixed(r.estimate(), digits),
                fixed(r.se(), digits), fixed(r.statistic(), digits), pValue(r.pValue(), digits, false),
                fixed(r.ciLower(), digits), fixed(r.ciUpper(), digits), fixed(r.tau2(), digits),
                fixed(r.i2(), 2), fixed(r.qe(), digits), pValue(r.qeP(), digits, false)});
        }
        sb.append(TextFormat.table(new String[] {by, "k", "estimate", "se", ReportParts.statisticName(model.test()), "pval",
            "ci.lb", "ci.ub", "tau^2", "I^2(%)", "Q", "Q.pval"}, rows, true, nl));
        if (data.measure().isFisherZ()) {
            sb.append(nl).append(ReportParts.BACK_TRANSFORMED).append(nl).append(nl);
            List<String[]> rrows = new ArrayList<>();
            for (Subgroup s : result.groups()) {
                MetaAnalysisResult.CorrelationSummary r = s.result().toCorrelation();
                rrows.add(new String[] {s.level(), fixed(r.r(), digits), fixed(r.ciLower(), digits),
                    fixed(r.ciUpper(), digits)});
            }
            sb.append(TextFormat.table(new String[] {by, "r", "ci.lb", "ci.ub"}, rrows, true, nl));
        }
        sb.append(nl).append("Test of subgroup differences:").append(nl).append(qBetween(result, digits)).append(nl);
        return sb.toString();
    }

    /**
     * @param result a subgroup analysis
     * @param digits decimals
     * @return its test of subgroup differences as metafor prints it, {@code Qbetween(df = 1) = 2.35, p-val = 0.125}
     */
    static String qBetween(SubgroupResult result, int digits) {
        return String.format(Locale.ROOT, "Qbetween(df = %d) = %s, p-val %s", result.df(),
            fixed(result.qBetween(), digits), pValue(result.pValue(), digits, true));
    }
}
