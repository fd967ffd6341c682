package org.alliancelab.cli;

import static org.alliancelab.cli.TextFormat.fixed;
import static org.alliancelab.cli.TextFormat.pValue;
import static org.alliancelab.cli.TextFormat.percent;
import static org.alliancelab.cli.TextFormat.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.sensitivity.StudyInfluence;

/**
 * The result of {@code influence}: JSON with {@code leave1out} (one object per omitted study:
 * {@code study}, {@code estimate}, {@code se}, {@code zval}, {@code pval}, {@code ci_lb},
 * {@code ci_ub}, {@code tau2}, {@code I2}, {@code H2}, {@code QE}, {@code QEp}) and
 * {@code influence} (one object per study: {@code study}, {@code rstudent}, {@code dffits},
 * {@code cook_d}, {@code cov_r}, {@code tau2_del}, {@code QE_del}, {@code hat}, {@code weight},
 * {@code dfbs}, {@code influential}: metafor's {@code influence} columns with "." written "_"),
 * or two tables.
 */
final class InfluenceReport implements Report {

    private final StudyData data;
    private final MetaAnalysisResult full;
    private final List<MetaAnalysisResult> leaveOneOut;
    private final List<StudyInfluence> influence;

    private InfluenceReport(StudyData data, MetaAnalysisResult full, List<MetaAnalysisResult> leaveOneOut,
                            List<StudyInfluence> influence) {
        this.data = data;
        this.full = full;
        this.leaveOneOut = leaveOneOut;
        this.influence = influence;
    }

    static InfluenceReport of(StudyData data, MetaAnalysisResult full, List<MetaAnalysisResult> leaveOneOut,
                              List<StudyInfluence> influence) {
        return new InfluenceReport(data, full, leaveOneOut, influence);
    }

    /** @return the values in JSON key order */
    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = ReportParts.header(data.measure(), full.estimator(), full.test(), data.k());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < leaveOneOut.size(); i++) {
            MetaAnalysisResult r = leaveOneOut.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("study", data.label(i));
            ReportParts.putResult(row, r);
            rows.add(row);
        }
        m.put("leave1out", rows);
        List<Map<String, Object>> inf = new ArrayList<>();
        for (StudyInfluence s : influence) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("study", data.label(s.study()));
            row.put("rstudent", value(s.rstudent()));
            row.put("dffits", value(s.dffits()));
            row.put("cook_d", value(s.cooksDistance()));
            row.put("cov_r", value(s.covRatio()));
            row.put("tau2_del", value(s.tau2Deleted()));
            row.put("QE_del", value(s.qeDeleted()));
            row.put("hat", value(s.hat()));
            row.put("weight", value(s.weight()));
            row.put("dfbs", value(s.dfbetas()));
            row.put("influential", s.influential());
            inf.add(row);
        }
        m.put("influence", inf);
        return m;
    }

    @Override
    public String text(int digits) {
        String nl = System.lineSeparator();
        boolean knha = full.test() == InferenceTest.KNHA;
        StringBuilder sb = new StringBuilder();
        sb.append("Leave-one-out analysis and influence diagnostics (k = ").append(data.k())
            .append("; tau^2 estimator: ").append(full.estimator().name()).append(')').append(nl);
        sb.append(ReportParts.effectSize(data)).append(nl);
        sb.append("All studies: estimate ").append(fixed(full.estimate(), digits)).append(" (SE = ")
            .append(fixed(full.se(), digits)).append("), tau^2 = ").append(fixed(full.tau2(), digits))
            .append(nl).append(nl);

        sb.append("Leave-one-out (each row omits the study named; ").append(knha ? "Knapp-Hartung t" : "Wald z")
            .append(" tests, ").append(percent(full.level())).append(" CI):").append(nl).append(nl);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < leaveOneOut.size(); i++) {
            MetaAnalysisResult r = leaveOneOut.get(i);
            rows.add(new String[] {data.label(i), fixed(r.estimate(), digits), fixed(r.se(), digits),
                fixed(r.statistic(), digits), pValue(r.pValue(), digits, false), fixed(r.ciLower(), digits),
                fixed(r.ciUpper(), digits), fixed(r.qe(), digits), pValue(r.qeP(), digits, false),
                fixed(r.tau2(), digits), fixed(r.i2(), 2), fixed(r.h2(), 2)});
        }
        sb.append(TextFormat.table(new String[] {"omitted", "estimate", "se", ReportParts.statisticName(full.test()), "pval",
            "ci.lb", "ci.ub", "Q", "Qp", "tau2", "I2", "H2"}, rows, true, nl));

        sb.append(nl).append("Influence diagnostics (* marks an influential study by metafor's criteria):")
            .append(nl).append(nl);
        List<String[]> inf = new ArrayList<>();
        for (StudyInfluence s : influence) {
            inf.add(new String[] {data.label(s.study()), fixed(s.rstudent(), digits), fixed(s.dffits(), digits),
                fixed(s.cooksDistance(), digits), fixed(s.covRatio(), digits), fixed(s.tau2Deleted(), digits),
                fixed(s.qeDeleted(), digits), fixed(s.hat(), digits), fixed(s.weight(), 2),
                fixed(s.dfbetas(), digits), s.influential() ? "*" : ""});
        }
        sb.append(TextFormat.table(new String[] {"study", "rstudent", "dffits", "cook.d", "cov.r", "tau2.del",
            "QE.del", "hat", "weight", "dfbs", "inf"}, inf, true, nl));
        return sb.toString();
    }
}
