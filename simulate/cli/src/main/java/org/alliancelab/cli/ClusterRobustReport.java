package org.alliancelab.cli;

import static org.alliancelab.cli.TextFormat.fixed;
import static org.alliancelab.cli.TextFormat.pValue;
import static org.alliancelab.cli.TextFormat.percent;
import static org.alliancelab.cli.TextFormat.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.meta.regression.ClusterRobustResult;
import org.alliancelab.meta.regression.RobustCoefficient;
import org.alliancelab.meta.regression.SandwichEstimator;

/**
 * A {@code pool} result with cluster-robust inference added ({@code --cluster COL --robust
 * CR1|CR2}): the base report's keys plus {@code robust: {estimator, clusters, cluster_column,
 * coefficients: [{name, estimate, se, tval, df, pval, ci_lb, ci_ub}]}}, and in the summary a block
 * after the model-based results, as metafor's {@code print.robust.rma}.
 */
final class ClusterRobustReport implements Report {
    private final Report base;
    private final ClusterRobustResult robust;
    private final String column;

    private ClusterRobustReport(Report base, ClusterRobustResult robust, String column) {
        this.base = base;
        this.robust = robust;
        this.column = column;
    }

    static ClusterRobustReport of(Report base, ClusterRobustResult robust, String column) {
        return new ClusterRobustReport(base, robust, column);
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>(base.fields());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("estimator", robust.estimator().name());
        r.put("cluster_column", column);
        r.put("clusters", robust.clusters());
        List<Map<String, Object>> coefficients = new ArrayList<>();
        for (RobustCoefficient c : robust.coefficients()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("estimate", value(c.estimate()));
            cm.put("se", value(c.se()));
            cm.put("tval", value(c.statistic()));
            cm.put("df", value(c.df()));
            cm.put("pval", value(c.pValue()));
            cm.put("ci_lb", value(c.ciLower()));
            cm.put("ci_ub", value(c.ciUpper()));
            coefficients.add(cm);
        }
        r.put("coefficients", coefficients);
        m.put("robust", r);
        return m;
    }

    @Override
    public String text(int digits) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder(base.text(digits)).append(nl);
        boolean cr2 = robust.estimator() == SandwichEstimator.CR2;
        sb.append("Cluster-robust inference (").append(robust.estimator().name()).append(", ")
            .append(cr2 ? "Satterthwaite df" : "t tests on m - p df").append("; ").append(robust.clusters())
            .append(" clusters in column ").append(column).append(", ").append(percent(robust.level()))
            .append(" CI):").append(nl).append(nl);
        List<String[]> rows = new ArrayList<>();
        for (RobustCoefficient c : robust.coefficients()) {
            rows.add(new String[] {c.name(), fixed(c.estimate(), digits), fixed(c.se(), digits),
                fixed(c.statistic(), digits), fixed(c.df(), 2), pValue(c.pValue(), digits, false),
                fixed(c.ciLower(), digits), fixed(c.ciUpper(), digits)});
        }
        sb.append(TextFormat.table(new String[] {"", "estimate", "se", "tval", "df", "pval", "ci.lb", "ci.ub"}, rows,
            true, nl));
        return sb.toString();
    }
}
