package org.alliancelab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.Measure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.results.RunSummary;
import org.alliancelab.simulate.results.SynthesisFigures;

/** The terminal tables of {@code simulate} and {@code compare}: key results, readable. */
final class ResultTables {
    private static final String DIFF_SUBGROUP = Analyses.DIFFERENCE_SUBGROUP;
    private static final String DIFF_PAIRED = Analyses.DIFFERENCE_PAIRED;
    private static final String STUDIES = Analyses.STUDIES;
    private static final String MEAN = MeasureNames.MEAN;
    private static final String REJECTION = MeasureNames.REJECTION_RATE;
    private static final String CAUSAL = Estimand.CAUSAL.key();

    private ResultTables() {
    }

    /**
     * Prints one scenario's results, condition by condition.
     *
     * @param out where to print
     * @param s the summary
     */
    static void print(PrintWriter out, RunSummary s) {
        out.printf(Locale.ROOT, "%s: %d replications per condition, seed %d, engine %s (%s)%n", s.scenario(),
            s.replications(), s.seed(), s.engine(), s.software());
        for (ConditionSummary c : s.conditions()) {
            out.println();
            StringBuilder head = new StringBuilder("Condition " + c.info().index());
            c.info().factors().forEach((k, v) -> head.append("  ").append(k).append(" = ").append(num(v, 3)));
            out.println(head);
            ConditionInfo t = c.info();
            out.printf(Locale.ROOT, "  population r: unadjusted %s, adjusted %s, adjusted (error-free covariates) %s, "
                + "causal %s%n", num(t.truth(Estimand.UNADJUSTED), 3), num(t.truth(Estimand.ADJUSTED), 3),
                num(t.truth(Estimand.ADJUSTED_LATENT), 3), num(t.truth(Estimand.CAUSAL), 3));
            out.printf(Locale.ROOT, "  %-26s %6s %17s %7s %8s %8s %8s %8s %7s %6s%n", "pooled r", "k", "mean (MCSE)",
                "emp SE", "bias:cau", "cov:cau", "cov:una", "rej r=0", "tau2", "I2");
            for (String a : analyses(c)) {
                if (c.find(a, MeasureNames.MEAN_K, "").isEmpty() || a.equals(STUDIES)) {
                    continue;
                }
                out.printf(Locale.ROOT, "  %-26s %6s %17s %7s %8s %8s %8s %8s %7s %6s%n", a,
                    value(c, a, MeasureNames.MEAN_K, "", 1), meanMcse(c, a, MEAN, ""),
                    value(c, a, MeasureNames.EMPIRICAL_SE, "", 4), signed(c, a, MeasureNames.BIAS, CAUSAL),
                    pct(c, a, MeasureNames.COVERAGE, CAUSAL), pct(c, a, MeasureNames.COVERAGE, Estimand.UNADJUSTED.key()),
                    pct(c, a, REJECTION, ""), value(c, a, MeasureNames.MEAN_TAU2, "", 4),
                    value(c, a, MeasureNames.MEAN_I2, "", 1));
            }
            for (String a : List.of(DIFF_SUBGROUP, DIFF_PAIRED)) {
                if (c.find(a, MEAN, "").isPresent()) {
                    out.printf(Locale.ROOT, "  %-26s mean z(adj) - z(unadj) %s, true %s, rejected %s, coverage %s%n",
                        a, meanMcse(c, a, MEAN, ""), num(c.info().truthAmongReporters(Estimand.DIFFERENCE), 4),
                        pct(c, a, REJECTION, ""), pct(c, a, MeasureNames.COVERAGE, Estimand.DIFFERENCE.key()));
                }
            }
            for (Measure m : c.measures()) {
                if (m.measure().equals(MeasureNames.MEAN_Q_BETWEEN)) {
                    out.printf(Locale.ROOT, "  %-26s Q-between mean %s, rejected %s%n", m.analysis(), num(m.value(), 2),
                        pct(c, m.analysis(), REJECTION, ""));
                }
            }
            out.printf(Locale.ROOT, "  studies: %s published, %s report an adjusted r, %s negative correlations "
                + "(%s per replication)%n", value(c, STUDIES, MeasureNames.MEAN_K, "", 1),
                value(c, STUDIES, MeasureNames.MEAN_K_ADJUSTED, "", 1), pct(c, STUDIES, MeasureNames.SHARE_NEGATIVE, ""),
                num(negativesPerReplication(c), 1));
            out.printf(Locale.ROOT, "  failed replications: %d of %d%s%n", c.failures().size(), c.replications(),
                c.failures().isEmpty() ? "" : " (see summary.json for their coordinates)");
        }
    }

    private static double negativesPerReplication(ConditionSummary c) {
        return c.value(STUDIES, MeasureNames.SHARE_NEGATIVE) * c.value(STUDIES, MeasureNames.MEAN_K);
    }

    private static List<String> analyses(ConditionSummary c) {
        List<String> out = new ArrayList<>();
        for (Measure m : c.measures()) {
            if (!out.contains(m.analysis())) {
                out.add(m.analysis());
            }
        }
        return out;
    }

    /** A row of the side-by-side table: a synthesis figure and where the simulation has it. */
    private record Row(String label, String published, String analysis, String measure, String kind) {
    }

    /** The synthesis's table, row by row, and the analyses that reproduce it ({@link SynthesisFigures}). */
    private static final List<Row> SYNTHESIS = synthesisRows();

    private static List<Row> synthesisRows() {
        SynthesisFigures.Figure pooled = SynthesisFigures.POOLED;
        SynthesisFigures.Figure unadjusted = SynthesisFigures.UNADJUSTED_REPORTING;
        SynthesisFigures.Figure adjusted = SynthesisFigures.ADJUSTED;
        int k = SynthesisFigures.STUDIES;
        int negative = SynthesisFigures.NEGATIVE_STUDIES;
        double difference = Correlations.toFisherZ(adjusted.reported()) - Correlations.toFisherZ(unadjusted.reported());
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("pooled r, all studies", published(pooled), pooled.analysis(), MEAN, "r"));
        rows.add(new Row("  studies per meta-analysis", String.valueOf(k), STUDIES, MeasureNames.MEAN_K, "k"));
        rows.add(new Row("unadjusted r, studies reporting adjusted", published(unadjusted), unadjusted.analysis(),
            MEAN, "r"));
        rows.add(new Row("adjusted r, same studies", published(adjusted), adjusted.analysis(), MEAN, "r"));
        rows.add(new Row("  studies reporting adjusted", String.valueOf(adjusted.k()), STUDIES,
            MeasureNames.MEAN_K_ADJUSTED, "k"));
        rows.add(new Row("late alliance (near end of therapy)", published(SynthesisFigures.LATE),
            SynthesisFigures.LATE.analysis(), MEAN, "r"));
        rows.add(new Row("early alliance (sessions 1-5)", published(SynthesisFigures.EARLY),
            SynthesisFigures.EARLY.analysis(), MEAN, "r"));
        rows.add(new Row("substance use samples", published(SynthesisFigures.SUBSTANCE_USE),
            SynthesisFigures.SUBSTANCE_USE.analysis(), MEAN, "r"));
        rows.add(new Row("negative study correlations", negative + "/" + k + " ("
            + String.format(Locale.ROOT, "%.1f", 100.0 * negative / k) + "%)", STUDIES, MeasureNames.SHARE_NEGATIVE,
            "pct"));
        rows.add(new Row("  negative correlations per meta-analysis", String.valueOf(negative), STUDIES,
            "mean_negative", "negatives"));
        rows.add(new Row("between-study tau2 (all studies)", "", pooled.analysis(), MeasureNames.MEAN_TAU2, "v4"));
        rows.add(new Row("I2 (all studies)", "", pooled.analysis(), MeasureNames.MEAN_I2, "v1"));
        rows.add(new Row("adj - unadj pooled, Fisher z scale", decimal(difference, 3), DIFF_SUBGROUP, MEAN, "z"));
        rows.add(new Row("adj vs unadj differ: subgroup Wald test", "not significant", DIFF_SUBGROUP, REJECTION,
            "pct"));
        rows.add(new Row("adj vs unadj differ: paired test", "", DIFF_PAIRED, REJECTION, "pct"));
        for (String moderator : SynthesisFigures.MODERATORS) {
            rows.add(new Row(moderator + " moderates (Q-between)", "", moderator, REJECTION, "pct"));
        }
        return List.copyOf(rows);
    }

    /** A reported correlation as the synthesis prints it: ".28 (k = 295)". */
    private static String published(SynthesisFigures.Figure f) {
        return decimal(f.reported(), 2) + (f.k() > 0 ? " (k = " + f.k() + ")" : "");
    }

    /** APA style: no leading zero, e.g. ".28", "-.032". */
    private static String decimal(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v).replaceFirst("^(-?)0\\.", "$1.");
    }

    /**
     * Prints scenarios side by side against the synthesis's figures: one column per scenario
     * and condition, rows the synthesis's table plus the population truths and how often the
     * adjusted-versus-unadjusted tests rejected (the power to tell the worlds apart).
     *
     * @param out where to print
     * @param runs the summaries
     */
    static void printSideBySide(PrintWriter out, List<RunSummary> runs) {
        List<String> headers = new ArrayList<>();
        List<ConditionSummary> cols = new ArrayList<>();
        for (RunSummary r : runs) {
            for (ConditionSummary c : r.conditions()) {
                headers.add(r.conditions().size() == 1 ? r.scenario() : r.scenario() + "#" + c.info().index());
                cols.add(c);
            }
        }
        int w = 17;
        for (String h : headers) {
            w = Math.max(w, h.length());
        }
        String fmt = "%-42s %-16s" + (" %" + w + "s").repeat(cols.size()) + "%n";
        out.println("Which causal world produces the synthesis's table? Monte Carlo means (± MCSE) against");
        out.println(SynthesisFigures.REFERENCE);
        out.println();
        List<Object> h = new ArrayList<>(List.of("", "synthesis"));
        h.addAll(headers);
        out.printf(Locale.ROOT, fmt, h.toArray());
        for (Row row : SYNTHESIS) {
            String probe = row.kind().equals("negatives") ? MeasureNames.SHARE_NEGATIVE : row.measure();
            if (cols.stream().noneMatch(c -> c.find(row.analysis(), probe, "").isPresent())) {
                continue;
            }
            List<Object> cells = new ArrayList<>(List.of(row.label(), row.published()));
            for (ConditionSummary c : cols) {
                cells.add(cell(c, row));
            }
            out.printf(Locale.ROOT, fmt, cells.toArray());
        }
        List<Object> causal = new ArrayList<>(List.of("population causal r, do(alliance)", ""));
        List<Object> confounding = new ArrayList<>(List.of("population unadjusted - causal r", ""));
        for (ConditionSummary c : cols) {
            ConditionInfo t = c.info();
            causal.add(num(t.truth(Estimand.CAUSAL), 3));
            confounding.add(num(t.truth(Estimand.UNADJUSTED) - t.truth(Estimand.CAUSAL), 3));
        }
        out.printf(Locale.ROOT, fmt, causal.toArray());
        out.printf(Locale.ROOT, fmt, confounding.toArray());
        List<Object> reps = new ArrayList<>(List.of("replications (failed)", ""));
        for (ConditionSummary c : cols) {
            reps.add(c.replications() + " (" + c.failures().size() + ")");
        }
        out.printf(Locale.ROOT, fmt, reps.toArray());
        out.println();
        out.println("The rejection rates of the adjusted-vs-unadjusted tests are how often one synthesis of this size");
        out.println("would have told the worlds apart; similar rates in a causal and a null world mean it cannot.");
    }

    private static String cell(ConditionSummary c, Row row) {
        if (row.kind().equals("negatives")) {
            return num(negativesPerReplication(c), 1);
        }
        Optional<Measure> m = c.find(row.analysis(), row.measure(), "");
        if (m.isEmpty()) {
            return "-";
        }
        double v = m.get().value();
        switch (row.kind()) {
            case "r":
                return num(v, 4) + " ± " + num(m.get().mcse(), 4);
            case "k":
                return num(v, 1);
            case "pct":
                return pct2(v) + " ± " + pct2(m.get().mcse());
            case "v4":
                return num(v, 4);
            case "z":
                return num(v, 4) + " ± " + num(m.get().mcse(), 4);
            default:
                return num(v, 1);
        }
    }

    private static double get(ConditionSummary c, String a, String m, String e) {
        return c.find(a, m, e).map(Measure::value).orElse(Double.NaN);
    }

    private static String value(ConditionSummary c, String a, String m, String e, int digits) {
        return num(get(c, a, m, e), digits);
    }

    private static String signed(ConditionSummary c, String a, String m, String e) {
        double v = get(c, a, m, e);
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.4f", v);
    }

    private static String meanMcse(ConditionSummary c, String a, String m, String e) {
        Optional<Measure> x = c.find(a, m, e);
        if (x.isEmpty() || Double.isNaN(x.get().value())) {
            return "-";
        }
        return num(x.get().value(), 4) + " (" + num(x.get().mcse(), 4) + ")";
    }

    private static String pct(ConditionSummary c, String a, String m, String e) {
        return pctOf(get(c, a, m, e));
    }

    private static String pct2(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    private static String pctOf(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String num(double v, int digits) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
