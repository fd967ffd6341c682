package org.alliancelab.cli;

import static org.alliancelab.cli.TextFormat.fixed;
import static org.alliancelab.cli.TextFormat.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliancelab.cli.io.CompleteCases;
import org.alliancelab.cli.io.EffectSizeReader;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.TauSquaredEstimator;

/**
 * The pieces the analysis reports ({@code pool}, {@code pool --by}, {@code pool --mods},
 * {@code bias}, {@code influence}) have in common, so that the same value has the same key and
 * the same line everywhere.
 */
final class ReportParts {

    /** Heading of the back-transformed results of a Fisher-z measure. */
    static final String BACK_TRANSFORMED = "Back-transformed to the correlation scale (r = tanh(z)):";

    private ReportParts() {
    }

    /**
     * @return a new map, in JSON key order, with the keys every analysis report opens with:
     *     {@code measure}, {@code method}, {@code test}, {@code k}
     */
    static Map<String, Object> header(CorrelationMeasure measure, TauSquaredEstimator method, InferenceTest test,
                                      int k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measure", measure.name());
        m.put("method", method.name());
        m.put("test", testName(test));
        m.put("k", k);
        return m;
    }

    /** At most this many studies left out are named in a text summary; the JSON lists them all. */
    static final int MAX_OMITTED_NAMED = 10;

    /**
     * Adds the studies a model left out for missing moderator values: {@code k_omitted} and
     * {@code omitted}, an array of {@code {row, line, study, missing}} (1-based data row as R numbers
     * it, line in the file, label, the columns without a value); {@code 0} and {@code []} when none.
     */
    static void putOmitted(Map<String, Object> m, CompleteCases cases) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CompleteCases.Omitted o : cases.omitted()) {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("row", o.row());
            om.put("line", o.line());
            om.put("study", o.label());
            om.put("missing", o.missing());
            out.add(om);
        }
        m.put("k_omitted", out.size());
        m.put("omitted", out);
    }

    /**
     * @param cases the studies of a model
     * @param nl the line separator
     * @return "2 studies left out (missing timing): rows 4, 9" and a line end (the labels instead of
     *     the rows when the file has a {@code study} column), or "" when none was left out
     */
    static String omitted(CompleteCases cases, String nl) {
        List<CompleteCases.Omitted> omitted = cases.omitted();
        if (omitted.isEmpty()) {
            return "";
        }
        boolean labelled = cases.input().table().hasColumn(EffectSizeReader.STUDY);
        List<String> names = new ArrayList<>();
        for (CompleteCases.Omitted o : omitted.subList(0, Math.min(omitted.size(), MAX_OMITTED_NAMED))) {
            names.add(labelled ? o.label() : Integer.toString(o.row()));
        }
        int more = omitted.size() - names.size();
        return omitted.size() + (omitted.size() == 1 ? " study" : " studies") + " left out (missing "
            + String.join(", ", cases.missingColumns()) + "): " + (labelled ? "" : omitted.size() == 1 ? "row " : "rows ")
            + String.join(labelled ? "; " : ", ", names) + (more == 0 ? "" : " and " + more + " more") + nl;
    }

    /** Adds the inference on one estimate: {@code estimate, se, zval, pval, ci_lb, ci_ub}. */
    static void putInference(Map<String, Object> m, double estimate, double se, double statistic, double pValue,
                             double ciLower, double ciUpper) {
        m.put("estimate", value(estimate));
        m.put("se", value(se));
        m.put("zval", value(statistic));
        m.put("pval", value(pValue));
        m.put("ci_lb", value(ciLower));
        m.put("ci_ub", value(ciUpper));
    }

    /** Adds the (residual) heterogeneity: {@code tau2, I2, H2, QE, QEp}. */
    static void putHeterogeneity(Map<String, Object> m, double tau2, double i2, double h2, double qe, double qeP) {
        m.put("tau2", value(tau2));
        m.put("I2", value(i2));
        m.put("H2", value(h2));
        m.put("QE", value(qe));
        m.put("QEp", value(qeP));
    }

    /** Adds a pooled result's estimate and heterogeneity, as {@link #putInference} and {@link #putHeterogeneity}. */
    static void putResult(Map<String, Object> m, MetaAnalysisResult r) {
        putInference(m, r.estimate(), r.se(), r.statistic(), r.pValue(), r.ciLower(), r.ciUpper());
        putHeterogeneity(m, r.tau2(), r.i2(), r.h2(), r.qe(), r.qeP());
    }

    /** The test as the JSON and the options name it: "z" or "knha". */
    static String testName(InferenceTest test) {
        return test.name().toLowerCase(Locale.ROOT);
    }

    /** The heading of the test statistic's column: "tval" for Knapp-Hartung, else "zval". */
    static String statisticName(InferenceTest test) {
        return test == InferenceTest.KNHA ? "tval" : "zval";
    }

    /** @return "Effect size: MEASURE (description), from columns [...] of FILE", without a line end */
    static String effectSize(StudyData data) {
        return "Effect size: " + data.measure().name() + " (" + describe(data.measure()) + "), from columns "
            + data.input().columns() + " of " + data.table().source();
    }

    static String describe(CorrelationMeasure m) {
        return switch (m) {
            case COR -> "raw correlation";
            case ZCOR -> "Fisher z-transformed correlation";
            case PCOR -> "raw partial correlation";
            case ZPCOR -> "Fisher z-transformed partial correlation";
        };
    }

    /** tau^2 with its standard error in parentheses when there is one. */
    static String tau2WithSe(double tau2, double se, int digits) {
        return fixed(tau2, digits) + (Double.isNaN(se) ? "" : " (SE = " + fixed(se, digits) + ")");
    }

    /** A percentage (I^2, R^2) with two decimals and a "%"; NaN prints as "NA". */
    static String percentage(double v) {
        return fixed(v, 2) + (Double.isNaN(v) ? "" : "%");
    }

    /**
     * Label-value lines, the values aligned one blank after the longest label.
     *
     * @param rows pairs {label, value}
     * @param nl the line separator
     * @return one line per row
     */
    static String labelled(List<String[]> rows, String nl) {
        int w = 0;
        for (String[] row : rows) {
            w = Math.max(w, row[0].length());
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %s", row[0], row[1])).append(nl);
        }
        return sb.toString();
    }
}
