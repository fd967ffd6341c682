package org.alliancelab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliancelab.simulate.montecarlo.ConditionSummary;
import org.alliancelab.simulate.montecarlo.Measure;
import org.alliancelab.simulate.montecarlo.RunSummary;

/** The terminal tables of {@code simulate} and {@code compare}: key results, readable. */
final class ResultTables {
    private static final String DIFF_SUBGROUP = "difference_subgroup";
    private static final String DIFF_PAIRED = "difference_paired";

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
            Map<String, Double> t = c.info().truth();
            out.printf(Locale.ROOT, "  population r: unadjusted %s, adjusted %s, adjusted (error-free covariates) %s, "
                + "causal %s%n", num(t.get("unadjusted"), 3), num(t.get("adjusted"), 3),
                num(t.get("adjusted_latent"), 3), num(t.get("causal"), 3));
            out.printf(Locale.ROOT, "  %-26s %6s %17s %7s %8s %8s %8s %8s %7s %6s%n", "pooled r", "k", "mean (MCSE)",
                "emp SE", "bias:cau", "cov:cau", "cov:una", "rej r=0", "tau2", "I2");
            for (String a : analyses(c)) {
                if (c.find(a, "mean_k", "").isEmpty() || a.equals("studies")) {
                    continue;
                }
                out.printf(Locale.ROOT, "  %-26s %6s %17s %7s %8s %8s %8s %8s %7s %6s%n", a,
                    value(c, a, "mean_k", "", 1), meanMcse(c, a, "mean", ""), value(c, a, "empirical_se", "", 4),
                    signed(c, a, "bias", "causal"), pct(c, a, "coverage", "causal"),
                    pct(c, a, "coverage", "unadjusted"), pct(c, a, "rejection_rate", ""),
                    value(c, a, "mean_tau2", "", 4), value(c, a, "mean_i2", "", 1));
            }
            for (String a : List.of(DIFF_SUBGROUP, DIFF_PAIRED)) {
                if (c.find(a, "mean", "").isPresent()) {
                    out.printf(Locale.ROOT, "  %-26s mean z(adj) - z(unadj) %s, true %s, rejected %s, coverage %s%n",
                        a, meanMcse(c, a, "mean", ""), num(c.info().truthAmongReporters().isEmpty() ? Double.NaN
                            : atanhDiff(c.info().truthAmongReporters()), 4),
                        pct(c, a, "rejection_rate", ""), pct(c, a, "coverage", "difference"));
                }
            }
            for (Measure m : c.measures()) {
                if (m.measure().equals("mean_q_between")) {
                    out.printf(Locale.ROOT, "  %-26s Q-between mean %s, rejected %s%n", m.analysis(), num(m.value(), 2),
                        pct(c, m.analysis(), "rejection_rate", ""));
                }
            }
            out.printf(Locale.ROOT, "  studies: %s published, %s report an adjusted r, %s negative correlations "
                + "(%s per replication)%n", value(c, "studies", "mean_k", "", 1),
                value(c, "studies", "mean_k_adjusted", "", 1), pct(c, "studies", "share_negative", ""),
                num(get(c, "studies", "share_negative", "") * get(c, "studies", "mean_k", ""), 1));
            out.printf(Locale.ROOT, "  failed replications: %d of %d%s%n", c.failures().size(), c.replications(),
                c.failures().isEmpty() ? "" : " (see summary.json for their coordinates)");
        }
    }

    private static double atanhDiff(Map<String, Double> t) {
        return atanh(t.get("adjusted")) - atanh(t.get("unadjusted"));
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
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

    /**
     * The figures of Flückiger, Del Re, Wampold &amp; Horvath (2018), The alliance in adult
     * psychotherapy: a meta-analytic synthesis, Psychotherapy 55(4), 316-340,
     * doi:10.1037/pst0000172, and the analyses that reproduce them.
     */
    private static final List<Row> SYNTHESIS = List.of(
        new Row("pooled r, all studies", ".28 (k = 295)", "unadjusted_all", "mean", "r"),
        new Row("  studies per meta-analysis", "295", "studies", "mean_k", "k"),
        new Row("unadjusted r, studies reporting adjusted", ".25 (k = 66)", "unadjusted_reporting", "mean", "r"),
        new Row("adjusted r, same studies", ".22 (k = 66)", "adjusted", "mean", "r"),
        new Row("  studies reporting adjusted", "66", "studies", "mean_k_adjusted", "k"),
        new Row("late alliance (near end of therapy)", ".30", "timing=late", "mean", "r"),
        new Row("early alliance (sessions 1-5)", ".22", "timing=early", "mean", "r"),
        new Row("substance use samples", ".14 (k = 29)", "disorder=substance_use", "mean", "r"),
        new Row("negative study correlations", "5/295 (1.7%)", "studies", "share_negative", "pct"),
        new Row("  negative correlations per meta-analysis", "5", "studies", "mean_negative", "negatives"),
        new Row("between-study tau2 (all studies)", "", "unadjusted_all", "mean_tau2", "v4"),
        new Row("I2 (all studies)", "", "unadjusted_all", "mean_i2", "v1"),
        new Row("adj - unadj pooled, Fisher z scale", "-.032", DIFF_SUBGROUP, "mean", "z"),
        new Row("adj vs unadj differ: subgroup Wald test", "not significant", DIFF_SUBGROUP, "rejection_rate", "pct"),
        new Row("adj vs unadj differ: paired test", "", DIFF_PAIRED, "rejection_rate", "pct"),
        new Row("timing moderates (Q-between)", "", "timing", "rejection_rate", "pct"),
        new Row("disorder moderates (Q-between)", "", "disorder", "rejection_rate", "pct"));

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
        out.println("Flückiger, Del Re, Wampold & Horvath (2018), Psychotherapy 55:316, doi:10.1037/pst0000172");
        out.println();
        List<Object> h = new ArrayList<>(List.of("", "synthesis"));
        h.addAll(headers);
        out.printf(Locale.ROOT, fmt, h.toArray());
        for (Row row : SYNTHESIS) {
            String probe = row.kind().equals("negatives") ? "share_negative" : row.measure();
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
            Map<String, Double> t = c.info().truth();
            causal.add(num(t.getOrDefault("causal", Double.NaN), 3));
            confounding.add(num(t.getOrDefault("unadjusted", Double.NaN) - t.getOrDefault("causal", Double.NaN), 3));
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
            return num(get(c, "studies", "share_negative", "") * get(c, "studies", "mean_k", ""), 1);
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
