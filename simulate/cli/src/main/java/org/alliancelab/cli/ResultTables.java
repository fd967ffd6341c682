package org.alliancelab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.simulate.calibration.StudySet;
import org.alliancelab.simulate.calibration.Target;
import org.alliancelab.simulate.calibration.Targets;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.McseFormat;
import org.alliancelab.simulate.results.Measure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.results.RunSummary;
import org.alliancelab.simulate.results.SynthesisFigures;
import org.alliancelab.simulate.results.Verdict;

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
            c.info().factors().forEach((k, v) -> head.append("  ").append(k).append(" = ").append(org.alliancelab.report.Numbers.level(v)));
            out.println(head);
            ConditionInfo t = c.info();
            out.printf(Locale.ROOT, "  population r, all studies: unadjusted %s, adjusted %s, adjusted (error-free "
                + "covariates) %s, causal %s%n", num(t.truth(Estimand.UNADJUSTED), 3), num(t.truth(Estimand.ADJUSTED), 3),
                num(t.truth(Estimand.ADJUSTED_LATENT), 3), num(t.truth(Estimand.CAUSAL), 3));
            if (!t.truthAmongReporters().equals(t.truth())) {
                out.printf(Locale.ROOT, "  population r, studies reporting adjusted estimates: unadjusted %s, adjusted %s, "
                    + "causal %s%n", num(t.truthAmongReporters(Estimand.UNADJUSTED), 3),
                    num(t.truthAmongReporters(Estimand.ADJUSTED), 3), num(t.truthAmongReporters(Estimand.CAUSAL), 3));
            }
            out.printf(Locale.ROOT, "  each analysis against its own target (the population value of its own studies):%n");
            out.printf(Locale.ROOT, "  %-26s %6s %18s %8s %-16s %8s %15s %15s %8s %7s %6s%n", "pooled r", "k",
                "mean ± MCSE", "emp SE", "target", "bias", "coverage", "cov:causal", "rej r=0", "tau2", "I2");
            for (String a : analyses(c)) {
                if (c.find(a, MeasureNames.MEAN_K, "").isEmpty() || a.equals(STUDIES) || a.equals(DIFF_PAIRED)
                    || isLagged(a) || a.equals(Analyses.INSTRUMENTAL_VARIABLE)) {
                    continue;
                }
                Estimand own = Analyses.target(a);
                out.printf(Locale.ROOT, "  %-26s %6s %18s %8s %-16s %8s %15s %15s %8s %7s %6s%n", a,
                    value(c, a, MeasureNames.MEAN_K, "", 1), meanMcse(c, a, MEAN, ""),
                    value(c, a, MeasureNames.EMPIRICAL_SE, "", 4),
                    own.key() + " " + num(t.truthPooledBy(a, own), 3), signed(c, a, MeasureNames.BIAS, own.key()),
                    proportion(c, a, MeasureNames.COVERAGE, own.key()), proportion(c, a, MeasureNames.COVERAGE, CAUSAL),
                    pct(c, a, REJECTION, ""), value(c, a, MeasureNames.MEAN_TAU2, "", 4),
                    value(c, a, MeasureNames.MEAN_I2, "", 1));
            }
            for (String a : List.of(DIFF_SUBGROUP, DIFF_PAIRED)) {
                if (c.find(a, MEAN, "").isPresent()) {
                    out.printf(Locale.ROOT, "  %-26s mean z(adj) - z(unadj) %s, target %s; rejects no difference %s, "
                        + "the target %s; coverage %s%n",
                        a, meanMcse(c, a, MEAN, ""), num(c.info().truthAmongReporters(Estimand.DIFFERENCE), 4),
                        proportion(c, a, REJECTION, ""), sizeText(c, a) + " (its size)",
                        proportion(c, a, MeasureNames.COVERAGE, Estimand.DIFFERENCE.key()));
                }
            }
            for (Measure m : c.measures()) {
                if (m.measure().equals(MeasureNames.MEAN_Q_BETWEEN)) {
                    out.printf(Locale.ROOT, "  %-26s Q-between mean %s, rejected %s%n", m.analysis(), num(m.value(), 2),
                        pct(c, m.analysis(), REJECTION, ""));
                }
            }
            printLagged(out, c);
            printBiasMethods(out, c);
            printSensitivity(out, c);
            printInstrumentalVariable(out, c);
            out.printf(Locale.ROOT, "  studies: %s published, %s report an adjusted r, %s negative correlations "
                + "(%s per replication)%n", value(c, STUDIES, MeasureNames.MEAN_K, "", 1),
                value(c, STUDIES, MeasureNames.MEAN_K_ADJUSTED, "", 1), pct(c, STUDIES, MeasureNames.SHARE_NEGATIVE, ""),
                num(negativesPerReplication(c), 1));
            out.printf(Locale.ROOT, "  failed replications: %d of %d%s%n", c.failures().size(), c.replications(),
                c.failures().isEmpty() ? "" : " (see summary.json for their coordinates)");
        }
    }

    private static boolean isLagged(String analysis) {
        return analysis.equals(Analyses.NAIVE_LAGGED) || analysis.equals(Analyses.WITHIN_LAGGED);
    }

    /**
     * The pooled lagged effects of a session-by-session design, against their own limit and
     * against the causal cross-lagged effect (the summary holds biases, not the truths: the
     * target printed is mean - bias).
     */
    private static void printLagged(PrintWriter out, ConditionSummary c) {
        for (String a : List.of(Analyses.NAIVE_LAGGED, Analyses.WITHIN_LAGGED)) {
            if (c.find(a, MEAN, "").isEmpty()) {
                continue;
            }
            String own = Analyses.target(a).key();
            String causal = Estimand.CROSS_LAGGED.key();
            double mean = get(c, a, MEAN, "");
            out.printf(Locale.ROOT, "  %-26s mean %s (emp SE %s, k %s); own limit %s: bias %s, coverage %s; "
                    + "causal cross_lagged %s: bias %s, coverage %s; rejects 0 in %s%n", a, meanMcse(c, a, MEAN, ""),
                value(c, a, MeasureNames.EMPIRICAL_SE, "", 4), value(c, a, MeasureNames.MEAN_K, "", 1),
                num(mean - get(c, a, MeasureNames.BIAS, own), 4), signed(c, a, MeasureNames.BIAS, own),
                proportion(c, a, MeasureNames.COVERAGE, own), num(mean - get(c, a, MeasureNames.BIAS, causal), 4),
                signed(c, a, MeasureNames.BIAS, causal), proportion(c, a, MeasureNames.COVERAGE, causal),
                proportion(c, a, REJECTION, ""));
        }
    }

    /** The encouragement trials' pooled IV estimate against the causal effect and the IV estimand. */
    private static void printInstrumentalVariable(PrintWriter out, ConditionSummary c) {
        String iv = Analyses.INSTRUMENTAL_VARIABLE;
        if (c.find(iv, MEAN, "").isEmpty()) {
            return;
        }
        String effect = Estimand.IV_CAUSAL_EFFECT.key();
        String estimand = Estimand.IV_ESTIMAND.key();
        out.printf(Locale.ROOT, "  %-26s pooled IV estimate %s (emp SE %s, k %s); causal effect %s: bias %s, coverage %s;"
                + " IV estimand %s: bias %s, coverage %s; rejects 0 in %s, the ITT test in %s%n", iv,
            meanMcse(c, iv, MEAN, ""), value(c, iv, MeasureNames.EMPIRICAL_SE, "", 4), value(c, iv, MeasureNames.MEAN_K, "", 1),
            truthText(c, iv, effect), signed(c, iv, MeasureNames.BIAS, effect), proportion(c, iv, MeasureNames.COVERAGE, effect),
            truthText(c, iv, estimand), signed(c, iv, MeasureNames.BIAS, estimand),
            proportion(c, iv, MeasureNames.COVERAGE, estimand), proportion(c, iv, REJECTION, ""),
            proportion(c, iv, MeasureNames.ITT_REJECTION_RATE, ""));
        out.printf(Locale.ROOT, "  %-26s pooled ITT / pooled first stage: mean %s; first stage: mean F %s, median F %s,"
                + " share of studies with F < 10 %s%n", "", value(c, iv, MeasureNames.MEAN_RATIO_OF_POOLED, "", 4),
            value(c, iv, MeasureNames.MEAN_FIRST_STAGE_F, "", 1), value(c, iv, MeasureNames.MEAN_MEDIAN_FIRST_STAGE_F, "", 1),
            pct(c, iv, MeasureNames.MEAN_SHARE_WEAK, ""));
        String ratio = Analyses.POOLED_WALD_RATIO;
        if (c.find(ratio, MEAN, "").isPresent()) {
            out.printf(Locale.ROOT, "  %-26s pooled Wald ratio %s (emp SE %s); causal effect: bias %s, coverage of its"
                    + " Anderson-Rubin set %s; IV estimand: bias %s, coverage %s; set bounded in %s; rejects 0 in %s%n",
                ratio, meanMcse(c, ratio, MEAN, ""), value(c, ratio, MeasureNames.EMPIRICAL_SE, "", 4),
                signed(c, ratio, MeasureNames.BIAS, effect), proportion(c, ratio, MeasureNames.COVERAGE, effect),
                signed(c, ratio, MeasureNames.BIAS, estimand), proportion(c, ratio, MeasureNames.COVERAGE, estimand),
                pct(c, ratio, MeasureNames.SHARE_BOUNDED, ""), proportion(c, ratio, REJECTION, ""));
        }
    }

    /** The true value behind a bias: the mean minus the bias. */
    private static String truthText(ConditionSummary c, String analysis, String estimand) {
        var mean = c.find(analysis, MEAN, "");
        var bias = c.find(analysis, MeasureNames.BIAS, estimand);
        return mean.isPresent() && bias.isPresent() ? num(mean.get().value() - bias.get().value(), 3) : "-";
    }

    /** What the bias methods add to their row of the table: detection, imputed studies, choices. */
    private static void printBiasMethods(PrintWriter out, ConditionSummary c) {
        String failedOf = " of " + c.replications();
        if (c.find(Analyses.EGGER, MeasureNames.SELECTION_DETECTED, "").isPresent()) {
            out.printf(Locale.ROOT, "  %-26s detects asymmetry (p < alpha) in %s; failed in %d%s%n", Analyses.EGGER,
                proportion(c, Analyses.EGGER, MeasureNames.SELECTION_DETECTED, ""), failed(c, Analyses.EGGER), failedOf);
        }
        if (c.find(Analyses.TRIM_AND_FILL, MEAN, "").isPresent()) {
            out.printf(Locale.ROOT, "  %-26s fills %s studies on average; failed in %d%s%n", Analyses.TRIM_AND_FILL,
                value(c, Analyses.TRIM_AND_FILL, MeasureNames.MEAN_K0, "", 1), failed(c, Analyses.TRIM_AND_FILL),
                failedOf);
        }
        if (c.find(Analyses.SELECTION_3PSM, MEAN, "").isPresent()) {
            out.printf(Locale.ROOT, "  %-26s LRT detects selection in %s; weight of p > .025 mean %s, at its bound in "
                    + "%s; failed in %d%s%n", Analyses.SELECTION_3PSM,
                proportion(c, Analyses.SELECTION_3PSM, MeasureNames.SELECTION_DETECTED, ""),
                value(c, Analyses.SELECTION_3PSM, MeasureNames.MEAN_WEIGHT, "", 3),
                pct(c, Analyses.SELECTION_3PSM, MeasureNames.SHARE_WEIGHT_AT_BOUND, ""),
                failed(c, Analyses.SELECTION_3PSM), failedOf);
        }
        if (c.find(Analyses.PET_PEESE, MEAN, "").isPresent()) {
            out.printf(Locale.ROOT, "  %-26s chose PEESE in %s; failed in %d%s%n", Analyses.PET_PEESE,
                pct(c, Analyses.PET_PEESE, MeasureNames.SHARE_PEESE, ""), failed(c, Analyses.PET_PEESE), failedOf);
        }
    }

    /** The means of the sensitivity analysis of the adjusted pooled correlation, when the scenario asks for it. */
    private static void printSensitivity(PrintWriter out, ConditionSummary c) {
        String a = Analyses.SENSITIVITY;
        if (c.find(a, MeasureNames.MEAN_E_VALUE, "").isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "  %-26s of the adjusted r, means: E-value %s (CI bound %s); true effects above .1 "
                + "%s, T_min %s, G_min %s; partial R^2 %s, RV_q %s, RV_q,alpha %s; failed in %d of %d%n", a,
            value(c, a, MeasureNames.MEAN_E_VALUE, "", 3), value(c, a, MeasureNames.MEAN_E_VALUE_CI, "", 3),
            pct(c, a, MeasureNames.MEAN_PROP_ABOVE_Q, ""), value(c, a, MeasureNames.MEAN_T_MIN, "", 3),
            value(c, a, MeasureNames.MEAN_G_MIN, "", 3), pct(c, a, MeasureNames.MEAN_PARTIAL_R2, ""),
            pct(c, a, MeasureNames.MEAN_RV_Q, ""), pct(c, a, MeasureNames.MEAN_RV_Q_ALPHA, ""), failed(c, a),
            c.replications());
    }

    /** Replications in which an analysis failed (its failures, counted once per replication). */
    private static long failed(ConditionSummary c, String analysis) {
        return c.failures().stream()
            .filter(f -> f.failures().stream().anyMatch(x -> x.analysis().equals(analysis))).count();
    }

    /** Rejection rate of the test of the true difference (1 - coverage): the test's actual size. */
    private static String sizeText(ConditionSummary c, String a) {
        Optional<Measure> cov = c.find(a, MeasureNames.COVERAGE, Estimand.DIFFERENCE.key());
        return cov.map(m -> McseFormat.proportion(1 - m.value(), m.mcse(), m.replications())).orElse("-");
    }

    private static String proportion(ConditionSummary c, String a, String m, String e) {
        return c.find(a, m, e).map(x -> McseFormat.proportion(x.value(), x.mcse(), x.replications())).orElse("-");
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

    /**
     * A row of the side-by-side table: a published figure and where the simulation has it.
     * {@code population}, when not null, gives the cell instead of a measure: a target that no
     * analysis estimates is shown by the condition's population value.
     */
    private record Row(String label, String published, String analysis, String measure, String kind, String estimand,
                       java.util.function.Function<ConditionSummary, String> population) {
        Row(String label, String published, String analysis, String measure, String kind, String estimand) {
            this(label, published, analysis, measure, kind, estimand, null);
        }

        Row(String label, String published, String analysis, String measure, String kind) {
            this(label, published, analysis, measure, kind, "");
        }

        Row unpublished() {
            return new Row(label, "", analysis, measure, kind, estimand, population);
        }
    }

    /**
     * What the side-by-side table is held against: the synthesis's table (the default for the
     * Flückiger scenarios), the user's targets ({@code compare --targets FILE}, calibrate's
     * format) or nothing (the runs' own means only).
     *
     * @param heading the published column's header, or null for no such column
     * @param title the line above the table
     * @param rows the rows
     * @param everyRow whether rows no run has are shown (a user's targets) or left out (the built-in rows)
     */
    record Reference(String heading, String title, List<Row> rows, boolean everyRow) {

        /** The scenario-name prefix of the worlds calibrated to the synthesis. */
        static final String FLUCKIGER = "fluckiger2018";

        /** @return the synthesis's table */
        static Reference synthesis() {
            return new Reference("synthesis", "Which causal world produces the synthesis's table? Monte Carlo means "
                + "(\u00b1 MCSE) against" + System.lineSeparator() + SynthesisFigures.REFERENCE, SYNTHESIS, false);
        }

        /** @return no published column: the same rows, each run's Monte Carlo means only */
        static Reference none() {
            return new Reference(null, "Monte Carlo means (\u00b1 MCSE) of each run, side by side",
                SYNTHESIS.stream().map(Row::unpublished).toList(), false);
        }

        /**
         * The synthesis's table when every run is a Flückiger scenario (its name starts with
         * {@value #FLUCKIGER}), else none: another world's runs are not tuned to that table.
         */
        static Reference defaultFor(List<RunSummary> runs) {
            return runs.stream().allMatch(r -> r.scenario().startsWith(FLUCKIGER)) ? synthesis() : none();
        }

        /**
         * One row per target, in the file's order: the Monte Carlo mean of the analysis that
         * estimates it (pooled r of all studies, of the reporting studies unadjusted and adjusted,
         * of a moderator level; the mean number of reporting studies), or, for an estimand no
         * analysis estimates (e.g. {@code causal}), the condition's population value.
         */
        static Reference of(Targets targets) {
            List<Row> rows = new ArrayList<>();
            for (Target t : targets.targets()) {
                String published = published(t.value(), t.tolerance()) + " \u00b1 " + plain(t.tolerance());
                rows.add(row(t, published));
            }
            return new Reference("target \u00b1 tol.", "Monte Carlo means (\u00b1 MCSE) against the targets of "
                + targets.source() + (targets.description().isEmpty() ? "" : System.lineSeparator()
                + targets.description()), rows, true);
        }

        private static Row row(Target t, String published) {
            TargetSource source = TargetSource.of(t);
            if (source.population() == null) {
                return new Row(t.name(), published, source.analysis(), source.measure(),
                    source.measure().equals(MEAN) ? "r" : "k");
            }
            return new Row(t.name() + " (population)", published, "", "", "population", source.population().key(),
                c -> num(source.populationValue(t, c.info()), 3));
        }
    }

    /**
     * What holds a target in a run: the analysis and measure whose Monte Carlo mean estimates it
     * (pooled r of all studies, of the reporting studies unadjusted and adjusted, of a moderator
     * level; the mean number of reporting studies), or, for an estimand no analysis estimates
     * (e.g. {@code causal}), the population value of that estimand.
     *
     * @param analysis the analysis, or null for a population value
     * @param measure the measure, or null for a population value
     * @param population the estimand of the population value, or null
     */
    record TargetSource(String analysis, String measure, Estimand population) {

        static TargetSource of(Target t) {
            if (Target.REPORTING_STUDIES.equals(t.estimand())) {
                return new TargetSource(STUDIES, MeasureNames.MEAN_K_ADJUSTED, null);
            }
            boolean reporting = t.studies() == StudySet.REPORTING;
            String analysis = t.moderator() != null ? Analyses.level(t.moderator(), t.level())
                : reporting ? Analyses.UNADJUSTED_REPORTING : Analyses.UNADJUSTED_ALL;
            if (Estimand.UNADJUSTED.key().equals(t.estimand())) {
                return new TargetSource(analysis, MEAN, null);
            }
            if (Estimand.ADJUSTED.key().equals(t.estimand()) && reporting) {
                return new TargetSource(Analyses.ADJUSTED, MEAN, null);
            }
            return new TargetSource(null, null, Estimand.ofKey(t.estimand()));
        }

        /** The condition's population value of the target's estimand, among the target's studies. */
        double populationValue(Target t, ConditionInfo info) {
            if (t.moderator() != null) {
                return population.of(info.truthByModerator().getOrDefault(t.moderator(), Map.of())
                    .getOrDefault(t.level(), info.truth()));
            }
            return t.studies() == StudySet.REPORTING ? info.truthAmongReporters(population) : info.truth(population);
        }
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
        rows.add(new Row("  coverage of own target: unadjusted", "", unadjusted.analysis(), MeasureNames.COVERAGE, "pct",
            Analyses.target(unadjusted.analysis()).key()));
        rows.add(new Row("  coverage of own target: adjusted", "", adjusted.analysis(), MeasureNames.COVERAGE, "pct",
            Analyses.target(adjusted.analysis()).key()));
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
        // the scenario's bias methods, when it lists them; the synthesis saw no evidence of bias
        rows.add(new Row("Egger's test detects asymmetry", "no evidence", Analyses.EGGER,
            MeasureNames.SELECTION_DETECTED, "pct"));
        rows.add(new Row("  Egger's limit estimate (r at SE = 0)", "", Analyses.EGGER, MEAN, "r"));
        rows.add(new Row("trim-and-fill r", "", Analyses.TRIM_AND_FILL, MEAN, "r"));
        rows.add(new Row("  studies filled", "", Analyses.TRIM_AND_FILL, MeasureNames.MEAN_K0, "k"));
        rows.add(new Row("3PSM r (selection-adjusted)", "", Analyses.SELECTION_3PSM, MEAN, "r"));
        rows.add(new Row("  3PSM likelihood-ratio test detects selection", "", Analyses.SELECTION_3PSM,
            MeasureNames.SELECTION_DETECTED, "pct"));
        rows.add(new Row("PET-PEESE r", "", Analyses.PET_PEESE, MEAN, "r"));
        // the designs that could establish causality (docs/designs.md), where a run has them
        String iv = Analyses.INSTRUMENTAL_VARIABLE;
        rows.add(new Row("pooled IV estimate (Wald / 2SLS)", "", iv, MEAN, "r"));
        rows.add(new Row("  IV test rejects no alliance effect", "", iv, REJECTION, "pct"));
        rows.add(new Row("  ITT test rejects no encouragement effect", "", iv, MeasureNames.ITT_REJECTION_RATE, "pct"));
        rows.add(new Row("  pooled ITT / pooled first stage", "", iv, MeasureNames.MEAN_RATIO_OF_POOLED, "v4"));
        rows.add(new Row("  mean first-stage F", "", iv, MeasureNames.MEAN_FIRST_STAGE_F, "k"));
        rows.add(new Row("pooled Wald ratio (Anderson-Rubin set)", "", Analyses.POOLED_WALD_RATIO, MEAN, "r"));
        rows.add(new Row("  its set covers the causal effect", "", Analyses.POOLED_WALD_RATIO, MeasureNames.COVERAGE,
            "pct", Estimand.IV_CAUSAL_EFFECT.key()));
        rows.add(new Row("  rejects no alliance effect", "", Analyses.POOLED_WALD_RATIO, REJECTION, "pct"));
        rows.add(new Row("naive lagged effect", "", Analyses.NAIVE_LAGGED, MEAN, "r"));
        rows.add(new Row("  rejects no effect", "", Analyses.NAIVE_LAGGED, REJECTION, "pct"));
        rows.add(new Row("within-person lagged effect", "", Analyses.WITHIN_LAGGED, MEAN, "r"));
        rows.add(new Row("  rejects no effect", "", Analyses.WITHIN_LAGGED, REJECTION, "pct"));
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

    /** A published figure as given, APA style: ".28", "66", ".005". */
    /**
     * A target's published value to the precision its tolerance implies: a rounding interval of
     * .005 means two decimals were published, so 0.3 prints as ".30", like the ".28" beside it.
     */
    private static String published(double value, double tolerance) {
        int shown = Math.max(0, java.math.BigDecimal.valueOf(value).stripTrailingZeros().scale());
        int implied = java.math.BigDecimal.valueOf(tolerance).stripTrailingZeros().scale() - 1;
        return decimal(value, Math.max(shown, implied));
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString().replaceFirst("^(-?)0\\.", "$1.");
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
     * @param pValues per run, condition to column to values of the difference tests' p values
     *     ({@link #P_COLUMNS})
     */
    static void printSideBySide(PrintWriter out, List<RunSummary> runs,
                                List<Map<Integer, Map<String, double[]>>> pValues) {
        printSideBySide(out, runs, pValues, Reference.defaultFor(runs));
    }

    /**
     * As {@link #printSideBySide(PrintWriter, List, List)}, against {@code reference}.
     *
     * @param out where to print
     * @param runs the summaries
     * @param pValues per run, condition to column to values of the difference tests' p values
     * @param reference the published figures, or none
     */
    static void printSideBySide(PrintWriter out, List<RunSummary> runs,
                                List<Map<Integer, Map<String, double[]>>> pValues, Reference reference) {
        List<String> headers = new ArrayList<>();
        List<ConditionSummary> cols = new ArrayList<>();
        for (RunSummary r : runs) {
            com.fasterxml.jackson.databind.JsonNode definition = definition(r);
            for (ConditionSummary c : r.conditions()) {
                headers.add(r.conditions().size() == 1 ? r.scenario() : r.scenario() + " " + levels(definition, c));
                cols.add(c);
            }
        }
        int w = 17;
        for (String h : headers) {
            w = Math.max(w, h.length());
        }
        List<List<Object>> table = new ArrayList<>();
        for (Row row : reference.rows()) {
            String probe = row.kind().equals("negatives") ? MeasureNames.SHARE_NEGATIVE : row.measure();
            // the built-in rows are shown where a run has them; every target is shown
            if (!reference.everyRow() && row.population() == null
                && cols.stream().noneMatch(c -> c.find(row.analysis(), probe, row.estimand()).isPresent())) {
                continue;
            }
            List<Object> cells = new ArrayList<>(List.of(row.label(), row.published()));
            for (ConditionSummary c : cols) {
                cells.add(cell(c, row));
            }
            table.add(cells);
        }
        List<Object> causal = new ArrayList<>(List.of("population causal r, do(alliance)", ""));
        List<Object> confounding = new ArrayList<>(List.of("population unadjusted - causal r", ""));
        List<Object> reps = new ArrayList<>(List.of("replications (failed)", ""));
        for (ConditionSummary c : cols) {
            ConditionInfo t = c.info();
            causal.add(num(t.truth(Estimand.CAUSAL), 3));
            confounding.add(num(t.truth(Estimand.UNADJUSTED) - t.truth(Estimand.CAUSAL), 3));
            reps.add(c.replications() + " (" + c.failures().size() + ")");
        }
        table.add(causal);
        table.add(confounding);
        table.add(reps);
        out.println(reference.title());
        out.println();
        boolean published = reference.heading() != null;
        int label = 42;
        for (List<Object> row : table) {
            label = Math.max(label, row.get(0).toString().length());
        }
        String first = "%-" + label + "s" + (published ? " %-16s" : "%s");
        if (label + 17 + cols.size() * (w + 1) <= WIDE) {
            String fmt = first + (" %" + w + "s").repeat(cols.size()) + "%n";
            List<Object> h = new ArrayList<>(List.of("", published ? reference.heading() : ""));
            h.addAll(headers);
            out.printf(Locale.ROOT, fmt, h.toArray());
            for (List<Object> row : table) {
                out.printf(Locale.ROOT, fmt, row.toArray());
            }
        } else {
            // Too wide for a terminal: one block per world (long form).
            for (int j = 0; j < cols.size(); j++) {
                out.println(headers.get(j));
                for (List<Object> row : table) {
                    out.printf(Locale.ROOT, "  " + first + " %s%n", row.get(0), row.get(1), row.get(2 + j));
                }
                out.println();
            }
        }
        List<Map<String, double[]>> columns = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            for (ConditionSummary c : runs.get(r).conditions()) {
                columns.add(pValues.get(r).getOrDefault(c.info().index(), Map.of()));
            }
        }
        printVerdict(out, headers, cols, columns);
    }

    /**
     * A grid condition by its factor values: a named factor by its name ("confounder_strength=0.3"),
     * an unnamed one by its pointer in words ("reliability of early_change=0.6").
     */
    static String levels(com.fasterxml.jackson.databind.JsonNode definition, ConditionSummary c) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> f : c.info().factors().entrySet()) {
            parts.add(org.alliancelab.report.FactorLabels.label(f.getKey(), definition) + "="
                + org.alliancelab.report.Numbers.level(f.getValue()));
        }
        return parts.isEmpty() ? "#" + c.info().index() : String.join(", ", parts);
    }

    /** A run's scenario definition, read once for all its conditions' labels (missing when unreadable). */
    private static com.fasterxml.jackson.databind.JsonNode definition(RunSummary run) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.scenarioDefinition());
        } catch (java.io.IOException | RuntimeException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** Widest side-by-side table printed as columns; wider ones switch to one block per world. */
    private static final int WIDE = 160;

    /** The p-value columns of the difference tests in {@code replications.csv}. */
    static final List<String> P_COLUMNS = List.of(Analyses.column(DIFF_SUBGROUP, "p"), Analyses.column(DIFF_PAIRED, "p"));

    /**
     * The explicit answer: per difference test, each world (column) after the first against the
     * first: rejection rates, their difference, the AUC of the p values and one sentence.
     */
    static void printVerdict(PrintWriter out, List<String> labels, List<ConditionSummary> cols,
                             List<Map<String, double[]>> pValues) {
        if (cols.size() < 2 || cols.stream().allMatch(c -> c.find(Analyses.NAIVE_LAGGED, MEAN, "").isPresent())) {
            // session-by-session designs have no adjusted-versus-unadjusted test to judge
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "Verdict: can the adjusted-versus-unadjusted tests tell %s from %s?%n", labels.get(0),
            String.join(", ", labels.subList(1, labels.size())));
        String explained = null;
        for (Verdict.Against against : Verdict.ofWorlds(labels, cols, pValues)) {
            Verdict x = against.verdict();
            int j = against.world();
            if (!x.analysis().equals(explained)) {
                out.println("  " + Verdict.explanation(x.analysis()).replace("? (", "?" + System.lineSeparator() + "    ("));
                explained = x.analysis();
            }
            out.printf(Locale.ROOT, "    rejects no difference: %s %s, %s %s; difference %s points; "
                + "AUC of p values %s%n", x.worldA(),
                McseFormat.proportion(x.rejectionA(), x.mcseA(), cols.get(0).replications()), x.worldB(),
                McseFormat.proportion(x.rejectionB(), x.mcseB(), cols.get(j).replications()),
                String.format(Locale.ROOT, "%+.1f ± %s", 100 * x.difference(),
                    McseFormat.twoSignificant(100 * x.differenceMcse())),
                String.format(Locale.ROOT, "%.3f ± %s", x.discrimination().auc(),
                    McseFormat.twoSignificant(x.discrimination().mcse())));
            out.printf(Locale.ROOT, "    rejects the true difference (its size, nominal %s): %s %s, %s %s%n",
                McseFormat.twoSignificant(100 * cols.get(0).info().alpha()) + "%", x.worldA(),
                sizeText(cols.get(0), x.analysis()), x.worldB(), sizeText(cols.get(j), x.analysis()));
            out.println("    " + x.sentence());
        }
        StringBuilder gaps = new StringBuilder();
        for (int j = 0; j < cols.size(); j++) {
            gaps.append(j == 0 ? "" : ", ").append(labels.get(j)).append(' ')
                .append(num(cols.get(j).info().truthAmongReporters(Estimand.DIFFERENCE), 3));
        }
        out.println("  " + Verdict.NON_COLLAPSIBILITY);
        out.println("  True gaps z(adj) - z(unadj) among the reporting studies: " + gaps + ".");
    }

    private static String cell(ConditionSummary c, Row row) {
        if (row.population() != null) {
            return row.population().apply(c);
        }
        if (row.kind().equals("negatives")) {
            return num(negativesPerReplication(c), 1);
        }
        Optional<Measure> m = c.find(row.analysis(), row.measure(), row.estimand());
        if (m.isEmpty()) {
            return "-";
        }
        double v = m.get().value();
        switch (row.kind()) {
            case "r":
                return McseFormat.estimate(v, m.get().mcse());
            case "k":
                return num(v, 1);
            case "pct":
                return McseFormat.proportion(v, m.get().mcse(), m.get().replications());
            case "v4":
                return num(v, 4);
            case "z":
                return McseFormat.estimate(v, m.get().mcse());
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
        return McseFormat.estimate(x.get().value(), x.get().mcse());
    }

    private static String pct(ConditionSummary c, String a, String m, String e) {
        return pctOf(get(c, a, m, e));
    }

    private static String pctOf(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String num(double v, int digits) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
