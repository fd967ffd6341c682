package org.alliancelab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.alliancelab.plot.CausalGraphPlot;
import org.alliancelab.plot.Figure;
import org.alliancelab.plot.FrontierPlot;
import org.alliancelab.plot.McEstimate;
import org.alliancelab.plot.PerformancePlot;
import org.alliancelab.plot.PerformanceSeries;
import org.alliancelab.plot.SamplingDistributionPlot;
import org.alliancelab.plot.ScenarioComparisonPlot;
import org.alliancelab.simulate.model.TruthValues;
import org.alliancelab.simulate.montecarlo.SoftwareVersion;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.McseFormat;
import org.alliancelab.simulate.results.Measure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.results.SynthesisFigures;
import org.alliancelab.simulate.results.Verdict;

/**
 * A single self-contained HTML page for one or more {@code simulate} runs: every plot is inline
 * SVG, the style sheet is inline, nothing is fetched from the network and no script runs.
 * Sections per run: the scenario and its causal graph, the population values, the sampling
 * distributions of the pooled estimates, rejection rate and coverage across each grid factor,
 * and the performance table; with several runs, first the worlds side by side against the
 * synthesis's figures.
 *
 * <p>Each figure is an {@code <svg>} inside a {@code <figure class="plot" data-plot="KIND">}.
 */
public final class HtmlReport {

    private static final String UNADJUSTED = Analyses.UNADJUSTED_ALL;
    private static final String ADJUSTED = Analyses.ADJUSTED;
    private static final String DIFFERENCE_SUBGROUP = Analyses.DIFFERENCE_SUBGROUP;
    private static final String DIFFERENCE_PAIRED = Analyses.DIFFERENCE_PAIRED;

    private static final int PLOT_WIDTH = 760;
    private static final int MAX_PANELS = 24;

    /**
     * The page's policy: no script of any origin, no network load (no fetch, no font, no
     * remote image), no form, no frame, no base URL; only the inline style sheet and inline
     * (data:) images.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; "
        + "img-src data:; font-src 'none'; connect-src 'none'; form-action 'none'; "
        + "base-uri 'none'";

    private HtmlReport() {
    }

    /**
     * @param runs one or more runs, reported in this order
     * @return the HTML page
     * @throws IllegalArgumentException when {@code runs} is empty
     */
    public static String render(List<SimulationOutput> runs) {
        return build(runs).html();
    }

    /**
     * The page and its figures.
     *
     * @param html the HTML page
     * @param figures file-name stem (e.g. {@code fluckiger2018-sampling-distribution}) to figure,
     *     in page order
     */
    public record Rendered(String html, Map<String, Figure> figures) {
    }

    /** Collects the page text and the figures while rendering. */
    private static final class Page {
        final StringBuilder html = new StringBuilder(1 << 16);
        final Map<String, Figure> figures = new LinkedHashMap<>();
    }

    /**
     * @param runs one or more runs, reported in this order
     * @return the HTML page and, separately, each figure in it (to be saved as files)
     * @throws IllegalArgumentException when {@code runs} is empty
     */
    public static Rendered build(List<SimulationOutput> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run");
        }
        return build(runs, List.of());
    }

    /**
     * The page for simulation runs and {@code frontier} outputs: the runs' sections as
     * {@link #build(List)} writes them, then one section per frontier (its headline, the plot of
     * the confounder strength each compatible causal world needs, and the table of points).
     *
     * @param runs simulation runs, reported in this order (may be empty when frontiers are given)
     * @param frontiers frontier outputs, reported after the runs in this order
     * @return the HTML page and, separately, each figure in it (to be saved as files)
     * @throws IllegalArgumentException when both lists are empty
     */
    public static Rendered build(List<SimulationOutput> runs, List<FrontierOutput> frontiers) {
        if (runs.isEmpty() && frontiers.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run or frontier");
        }
        Page page = new Page();
        StringBuilder h = page.html;
        List<String> titled = new ArrayList<>(runs.stream().map(SimulationOutput::scenario).toList());
        frontiers.forEach(f -> titled.add("frontier of " + f.label()));
        String names = String.join(" vs ", runs.stream().map(SimulationOutput::scenario).toList());
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            // defence in depth: even markup that escaped the escaping can run no script and load nothing
            .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
            .append("\">\n")
            .append("<title>alliance-lab report: ").append(Html.esc(String.join(", ", titled))).append("</title>\n")
            .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n")
            .append("<h1>alliance-lab simulation report</h1>\n<p class=\"lead\">");
        if (!runs.isEmpty()) {
            h.append("Scenario").append(runs.size() > 1 ? "s " : " ").append("<b>").append(Html.esc(names))
                .append("</b>. ");
        }
        if (!frontiers.isEmpty()) {
            h.append(frontiers.size() == 1 ? "A frontier" : frontiers.size() + " frontiers")
                .append(" of the causal worlds compatible with a published table. ");
        }
        h.append("Every figure below is computed from the files in ");
        List<String> dirs = new ArrayList<>(runs.stream().map(r -> r.dir().toString()).toList());
        frontiers.forEach(f -> dirs.add(f.dir().toString()));
        for (int i = 0; i < dirs.size(); i++) {
            h.append(i == 0 ? "" : ", ").append("<code>").append(Html.esc(dirs.get(i))).append("</code>");
        }
        h.append(".</p>\n");
        if (runs.size() > 1) {
            comparison(page, runs);
        }
        for (int i = 0; i < runs.size(); i++) {
            run(page, runs.get(i), "r" + i + "-");
        }
        for (int i = 0; i < frontiers.size(); i++) {
            frontier(page, frontiers.get(i), "f" + i + "-");
        }
        // a run's software field already names the program ("alliance-lab 0.1.0")
        String software = runs.isEmpty() ? SoftwareVersion.label() : runs.get(0).software();
        h.append("<footer>Generated by ")
            .append(Html.esc(software.startsWith("alliance-lab") ? software : "alliance-lab " + software))
            .append(". Self-contained: no scripts, no network resources.</footer>\n")
            .append("</main>\n</body>\n</html>\n");
        return new Rendered(h.toString(), java.util.Collections.unmodifiableMap(page.figures));
    }

    /** A frontier's section: headline, plot and the table of points, as {@code frontier} printed them. */
    private static void frontier(Page page, FrontierOutput f, String prefix) {
        StringBuilder h = page.html;
        h.append("<section id=\"").append(prefix).append("frontier\">\n<h2>Causal worlds compatible with the table: ")
            .append(Html.esc(f.label())).append("</h2>\n<p class=\"headline\">").append(Html.esc(f.headline()))
            .append("</p>\n<p class=\"meta\">Template <code>").append(Html.esc(f.template()))
            .append("</code> calibrated to <code>").append(Html.esc(f.targets())).append("</code> at each value of <code>")
            .append(Html.esc(f.pointer())).append("</code> (").append(Html.esc(f.label()))
            .append("); confounder strength as partial R\u00b2 of <code>").append(Html.esc(f.confounder()))
            .append("</code> (Cinelli &amp; Hazlett 2020).</p>\n");
        List<FrontierPlot.Point> points = f.points().stream().map(p -> new FrontierPlot.Point(p.causal(),
            p.exposure(), p.outcome(), p.compatible())).toList();
        figure(page, "frontier-" + f.label(), "frontier", FrontierPlot.of(FrontierPlot.ofConfounder(f.confounder(),
                points), PLOT_WIDTH, 460), prefix + "plot-",
            "The confounder strength each compatible causal world needs; shaded: causal r no calibration reproduces.");
        h.append("<table class=\"frontier\">\n<thead><tr><th>").append(Html.esc(f.label()))
            .append("</th><th>Causal r</th><th>R\u00b2 exposure</th><th>R\u00b2 outcome</th>")
            .append("<th>max |residual| / tol.</th><th>Reproduced</th></tr></thead>\n<tbody>\n");
        for (FrontierOutput.Point p : f.points()) {
            h.append("<tr").append(p.compatible() ? "" : " class=\"infeasible\"")
                .append(p.note().isEmpty() ? "" : " title=\"" + Html.esc(p.note()) + "\"").append("><td>")
                .append(Numbers.fixed(p.value(), 4)).append("</td><td>").append(Numbers.fixed(p.causal(), 4))
                .append("</td><td>").append(Numbers.fixed(p.exposure(), 4)).append("</td><td>")
                .append(Numbers.fixed(p.outcome(), 4)).append("</td><td>").append(Numbers.fixed(p.worstResidual(), 2))
                .append("</td><td>").append(p.compatible() ? "yes" : "no").append(p.grid() ? "" : " (edge)")
                .append(Double.isNaN(p.causal()) ? ": " + Html.esc(p.note()) : "")
                .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void comparison(Page page, List<SimulationOutput> runs) {
        StringBuilder h = page.html;
        h.append("<section id=\"comparison\">\n<h2>The worlds side by side</h2>\n")
            .append("<p>Each world's Monte Carlo mean of the pooled correlation (its first condition) against the figure ")
            .append(Html.esc(SynthesisFigures.CITATION)).append(" reported. If worlds with and without a causal ")
            .append("alliance effect land on the same figures, the figures cannot tell them apart.</p>\n");
        List<ScenarioComparisonPlot.Row> rows = new ArrayList<>();
        for (SynthesisFigures.Figure f : SynthesisFigures.FIGURES) {
            List<ScenarioComparisonPlot.WorldValue> values = new ArrayList<>();
            boolean any = false;
            for (SimulationOutput run : runs) {
                ConditionSummary c = run.conditions().get(0);
                double mean = c.value(f.analysis(), MeasureNames.MEAN);
                double se = c.value(f.analysis(), MeasureNames.EMPIRICAL_SE);
                any |= Double.isFinite(mean);
                values.add(new ScenarioComparisonPlot.WorldValue(mean, se));
            }
            if (any) {
                rows.add(new ScenarioComparisonPlot.Row(f.label(), f.reported(), values));
            }
        }
        List<String> worlds = runs.stream().map(SimulationOutput::scenario).toList();
        if (rows.isEmpty()) {
            h.append("<p class=\"note\">None of the runs has the analyses of the synthesis's figures.</p>\n");
        } else {
            figure(page, "comparison", "comparison", ScenarioComparisonPlot.of(new ScenarioComparisonPlot.Data("", "Pooled correlation r",
                worlds, "Reported: " + SynthesisFigures.CITATION, rows), PLOT_WIDTH), "cmp-",
                "Pooled correlations in each simulated world against the synthesis's figures.");
        }
        h.append("<h3>How often the adjusted-versus-unadjusted test told the worlds apart</h3>\n")
            .append("<table>\n<thead><tr><th>Test (rejection rate of no difference)</th>");
        for (String w : worlds) {
            h.append("<th>").append(Html.esc(w)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        String[][] tests = {{DIFFERENCE_SUBGROUP, "Independent estimates (subgroup Wald / Q-between)"},
            {DIFFERENCE_PAIRED, "Paired within-study differences"}};
        for (String[] t : tests) {
            h.append("<tr><td>").append(Html.esc(t[1])).append("</td>");
            for (SimulationOutput run : runs) {
                h.append("<td>").append(withMcse(estimate(run.conditions().get(0), t[0], MeasureNames.REJECTION_RATE, ""), 3))
                    .append("</td>");
            }
            h.append("</tr>\n<tr><td>&nbsp;&nbsp;its size: rejects the true difference (nominal ")
                .append(Numbers.level(100 * runs.get(0).alpha())).append("%)</td>");
            for (SimulationOutput run : runs) {
                Optional<Measure> cov = estimate(run.conditions().get(0), t[0], MeasureNames.COVERAGE,
                    Estimand.DIFFERENCE.key());
                h.append("<td>").append(withMcse(cov.map(m -> new Measure(m.analysis(), MeasureNames.REJECTION_RATE, m.estimand(),
                    1 - m.value(), m.mcse(), m.replications())), 3)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        verdicts(h, runs);
        h.append("</section>\n");
    }

    /** The explicit answer per difference test: the first world against each other one ({@link Verdict}). */
    private static void verdicts(StringBuilder h, List<SimulationOutput> runs) {
        h.append("<h3>Verdict</h3>\n<ul class=\"verdict\">\n");
        List<String> labels = new ArrayList<>();
        List<ConditionSummary> worlds = new ArrayList<>();
        List<Map<String, double[]>> pValues = new ArrayList<>();
        for (SimulationOutput run : runs) {
            ConditionSummary c = run.conditions().get(0);
            labels.add(run.scenario());
            worlds.add(c);
            Map<String, double[]> p = new LinkedHashMap<>();
            for (String test : List.of(DIFFERENCE_SUBGROUP, DIFFERENCE_PAIRED)) {
                String column = Analyses.column(test, "p");
                double[] v = run.pooled(c.info().index(), column);
                if (v.length > 0) {
                    p.put(column, v);
                }
            }
            pValues.add(p);
        }
        String explained = null;
        for (Verdict.Against against : Verdict.ofWorlds(labels, worlds, pValues)) {
            Verdict x = against.verdict();
            if (!x.analysis().equals(explained)) {
                h.append("<li><b>").append(Html.esc(Verdict.explanation(x.analysis()))).append("</b></li>\n");
                explained = x.analysis();
            }
            ConditionSummary cb = worlds.get(against.world());
            h.append("<li>").append(Html.esc(x.sentence())).append(" Rejection rates ")
                .append(Html.esc(McseFormat.proportion(x.rejectionA(), x.mcseA(), worlds.get(0).replications())))
                .append(" and ").append(Html.esc(McseFormat.proportion(x.rejectionB(), x.mcseB(), cb.replications())))
                .append("; AUC of the p values ").append(Numbers.fixed(x.discrimination().auc(), 3)).append(" (")
                .append(McseFormat.twoSignificant(x.discrimination().mcse())).append(").</li>\n");
        }
        h.append("<li>").append(Html.esc(Verdict.NON_COLLAPSIBILITY)).append("</li>\n</ul>\n");
    }

    private static void run(Page page, SimulationOutput run, String prefix) {
        StringBuilder h = page.html;
        // the id from the run's position: the same run may be given twice, and names are free text
        h.append("<section id=\"").append(prefix).append("run\">\n<h2>Scenario ")
            .append(Html.esc(run.scenario())).append("</h2>\n");
        if (!run.description().isEmpty()) {
            h.append("<p>").append(Html.esc(run.description())).append("</p>\n");
        }
        h.append("<p class=\"meta\">").append(run.conditions().size()).append(" condition")
            .append(run.conditions().size() == 1 ? "" : "s").append(", ").append(run.replications())
            .append(" replications each, master seed ").append(run.seed()).append(", engine ")
            .append(Html.esc(run.engine())).append(", alpha ").append(Numbers.level(run.alpha())).append(".</p>\n");

        h.append("<h3>Causal model</h3>\n");
        if (run.graph().isPresent()) {
            figure(page, run.scenario() + "-causal-graph", "causal-graph", CausalGraphPlot.of(run.graph().get()), prefix + "graph-",
                "The scenario's structural causal model (standardized paths).");
        } else {
            h.append("<p class=\"note\">The summary carries no scenario definition to draw.</p>\n");
        }
        truthTable(h, run);
        designTable(h, run);
        samplingDistributions(page, run, prefix);
        performancePlots(page, run, prefix);
        performanceTables(h, run);
        h.append("</section>\n");
    }

    /**
     * The population values of each condition, for each population an analysis pools: all
     * studies (the unadjusted analysis of all studies and the bias analyses); when only some
     * studies report an adjusted estimate, those studies (the adjusted analysis, the unadjusted
     * analysis of the same studies and the difference tests); and each moderator level that
     * changes the model, whose studies that level's analysis pools ({@link
     * ConditionInfo#truthPooledBy}), so each analysis is
     * shown against the values its bias and coverage are measured by and the sampling-distribution
     * plot draws.
     */
    private static void truthTable(StringBuilder h, SimulationOutput run) {
        List<Estimand> estimands = Estimand.TRUTHS;
        h.append("<h3>Population values (truth)</h3>\n<p>Computed exactly from the model by covariance algebra; ")
            .append("correlations of the observed exposure and outcome, in the population of studies each analysis ")
            .append("pools.</p>\n<table>\n<thead><tr><th>Condition</th><th>Studies pooled</th>");
        for (Estimand e : estimands) {
            h.append("<th>").append(Html.esc(e.key())).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (ConditionSummary c : run.conditions()) {
            boolean selected = estimands.stream().anyMatch(e -> Double.compare(c.info().truth(e),
                c.info().truthAmongReporters(e)) != 0);
            boolean levels = !c.info().truthByModerator().isEmpty();
            truthRow(h, run, c, selected ? "all studies (" + UNADJUSTED + " and the bias analyses)"
                : levels ? "all studies (every analysis but a moderator level's)" : "all studies (every analysis)",
                estimands, c.info().truth());
            if (selected) {
                truthRow(h, run, c, "studies reporting an adjusted estimate (" + ADJUSTED + ", "
                    + Analyses.UNADJUSTED_REPORTING + ", difference tests)", estimands, c.info().truthAmongReporters());
            }
            // a moderator level's analysis pools only that level's studies
            c.info().truthByModerator().forEach((moderator, byLevel) -> byLevel.forEach((level, truth) ->
                truthRow(h, run, c, "studies with " + moderator + " = " + level + " (" + Analyses.level(moderator, level)
                    + ")", estimands, truth)));
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void truthRow(StringBuilder h, SimulationOutput run, ConditionSummary c, String population,
                                 List<Estimand> estimands, TruthValues truth) {
        h.append("<tr><td>").append(Html.esc(run.conditionLabel(c))).append("</td><td>").append(Html.esc(population))
            .append("</td>");
        for (Estimand e : estimands) {
            h.append("<td>").append(Numbers.fixed(e.of(truth), 3)).append("</td>");
        }
        h.append("</tr>\n");
    }

    /**
     * For the designs that could establish causality (docs/designs.md): per condition, each of
     * the design's tests of "no alliance effect" against the causal effect it should find: its
     * mean, the causal value (mean minus bias), the bias, the coverage of the causal value and
     * the rejection rate, named power where the causal effect is not 0 and size where it is.
     * Nothing for other runs.
     */
    private static void designTable(StringBuilder h, SimulationOutput run) {
        String[][] rows = {
            {Analyses.INSTRUMENTAL_VARIABLE, MeasureNames.REJECTION_RATE, "Pooled IV (Wald / 2SLS) estimate"},
            {Analyses.POOLED_WALD_RATIO, MeasureNames.REJECTION_RATE, "Pooled Wald ratio, Anderson-Rubin set"},
            {Analyses.INSTRUMENTAL_VARIABLE, MeasureNames.ITT_REJECTION_RATE, "Intention-to-treat effect of the encouragement"},
            {Analyses.UNADJUSTED_ALL, MeasureNames.REJECTION_RATE, "Between-person correlation"},
            {Analyses.NAIVE_LAGGED, MeasureNames.REJECTION_RATE, "Naive lagged regression"},
            {Analyses.WITHIN_LAGGED, MeasureNames.REJECTION_RATE, "Within-person lagged effect"}};
        boolean iv = run.conditions().stream().anyMatch(c -> c.find(Analyses.INSTRUMENTAL_VARIABLE,
            MeasureNames.MEAN, "").isPresent());
        boolean panel = run.conditions().stream().anyMatch(c -> c.find(Analyses.WITHIN_LAGGED,
            MeasureNames.MEAN, "").isPresent());
        if (!iv && !panel) {
            return;
        }
        h.append("<h3>Does the design find the causal effect?</h3>\n<p>Each test of no alliance effect against the ")
            .append("causal effect it should find (")
            .append(iv ? "<code>iv_causal_effect</code> for the encouragement trial; the ITT test rejects where the "
                + "encouragement improves outcome, which under the exclusion restriction is where alliance does" : "")
            .append(panel ? "the within-person cross-lagged effect <code>cross_lagged</code> for the session design; "
                + "the between-person correlation is the cross-sectional study's, whose causal counterpart is not "
                + "defined here" : "")
            .append("). The rejection rate is the power where the causal effect is not 0 and the size (nominal ")
            .append(Numbers.level(100 * run.alpha())).append("%) where it is 0. See docs/designs.md.</p>\n")
            .append("<table>\n<thead><tr><th>Condition</th><th>Test</th><th>Mean</th><th>Causal value</th>")
            .append("<th>Bias</th><th>Coverage of the causal value</th><th>Rejects no effect</th></tr></thead>\n<tbody>\n");
        for (ConditionSummary c : run.conditions()) {
            // the design's causal value decides power or size for all of its tests
            String design = iv ? Analyses.INSTRUMENTAL_VARIABLE : Analyses.WITHIN_LAGGED;
            double effect = causalValue(c, design);
            String kind = Double.isNaN(effect) ? "" : Math.abs(effect) < 1e-9 ? " (size)" : " (power)";
            for (String[] row : rows) {
                Optional<Measure> rejects = estimate(c, row[0], row[1], "");
                if (rejects.isEmpty() || (row[0].equals(Analyses.UNADJUSTED_ALL) && !panel)) {
                    continue;
                }
                String causal = Analyses.causalTarget(row[0]).key();
                boolean itt = row[1].equals(MeasureNames.ITT_REJECTION_RATE);
                // the ITT test's null (no effect of the encouragement) is false wherever the
                // encouragement reaches outcome, through alliance or not: size only where neither
                String rowKind = itt && kind.equals(" (size)") && Math.abs(trueValue(c, Analyses.INSTRUMENTAL_VARIABLE, Estimand.IV_ESTIMAND)) > 1e-9
                    ? " (not size: the encouragement affects outcome other than through alliance)" : kind;
                // the ITT and the between-person r are not on the scale of the causal effect
                boolean sameScale = !itt && !row[0].equals(Analyses.UNADJUSTED_ALL);
                Optional<Measure> mean = estimate(c, row[0], itt ? MeasureNames.MEAN_ITT : MeasureNames.MEAN, "");
                h.append("<tr><td>").append(Html.esc(run.conditionLabel(c))).append("</td><td>")
                    .append(Html.esc(row[2])).append("</td><td>").append(withMcse(mean, 3)).append("</td><td>")
                    .append(sameScale ? Numbers.fixed(causalValue(c, row[0]), 3) : "").append("</td>")
                    .append(sameScale ? cell(c, row[0], MeasureNames.BIAS, causal, 3) : "<td></td>")
                    .append(sameScale ? cell(c, row[0], MeasureNames.COVERAGE, causal, 3) : "<td></td>").append("<td>")
                    .append(withMcse(rejects, 3)).append(Html.esc(rowKind)).append("</td></tr>\n");
            }
        }
        h.append("</tbody>\n</table>\n");
    }

    /** The causal value an analysis is judged against: its Monte Carlo mean minus its bias against it. */
    private static double causalValue(ConditionSummary c, String analysis) {
        return trueValue(c, analysis, Analyses.causalTarget(analysis));
    }

    /** An estimand's value behind an analysis's bias: its Monte Carlo mean minus that bias. */
    private static double trueValue(ConditionSummary c, String analysis, Estimand estimand) {
        Optional<Measure> mean = estimate(c, analysis, MeasureNames.MEAN, "");
        Optional<Measure> bias = estimate(c, analysis, MeasureNames.BIAS, estimand.key());
        return mean.isPresent() && bias.isPresent() ? mean.get().value() - bias.get().value() : Double.NaN;
    }

    private static void samplingDistributions(Page page, SimulationOutput run, String prefix) {
        StringBuilder h = page.html;
        h.append("<h3>Sampling distributions of the pooled correlation</h3>\n");
        List<SamplingDistributionPlot.Panel> panels = new ArrayList<>();
        for (ConditionSummary c : run.conditions()) {
            if (panels.size() == MAX_PANELS) {
                break;
            }
            List<SamplingDistributionPlot.Sample> samples = new ArrayList<>();
            double[] unadjusted = run.pooled(c.info().index(), UNADJUSTED + ".r");
            double[] adjusted = run.pooled(c.info().index(), ADJUSTED + ".r");
            if (unadjusted.length == 0 && adjusted.length == 0) {
                continue;
            }
            samples.add(new SamplingDistributionPlot.Sample("Unadjusted r, all studies", unadjusted));
            samples.add(new SamplingDistributionPlot.Sample("Adjusted (partial) r, reporting studies", adjusted));
            panels.add(new SamplingDistributionPlot.Panel(run.conditionLabel(c), samples, List.of(
                new SamplingDistributionPlot.Reference("Truth: unadjusted", c.info().truth(Estimand.UNADJUSTED)),
                new SamplingDistributionPlot.Reference("Truth: adjusted", c.info().truthAmongReporters(Estimand.ADJUSTED)),
                new SamplingDistributionPlot.Reference("Truth: causal", c.info().truth(Estimand.CAUSAL)))));
        }
        if (panels.isEmpty()) {
            h.append("<p class=\"note\">No replications.csv with pooled correlations in this directory.</p>\n");
            return;
        }
        if (panels.size() < run.conditions().size()) {
            h.append("<p class=\"note\">Showing the first ").append(panels.size()).append(" of ")
                .append(run.conditions().size()).append(" conditions.</p>\n");
        }
        figure(page, run.scenario() + "-sampling-distribution", "sampling-distribution", SamplingDistributionPlot.of(
                new SamplingDistributionPlot.Data("", "Pooled correlation r (one value per replication)", panels),
                PLOT_WIDTH), prefix + "dist-",
            "Pooled r across replications per condition; vertical lines: the population values.");
    }

    private static void performancePlots(Page page, SimulationOutput run, String prefix) {
        StringBuilder h = page.html;
        h.append("<h3>Rejection rate and coverage across the grid</h3>\n");
        Map<String, Set<Double>> levels = new LinkedHashMap<>();
        for (ConditionSummary c : run.conditions()) {
            c.info().factors().forEach((f, v) -> levels.computeIfAbsent(f, k -> new TreeSet<>()).add(v));
        }
        levels.values().removeIf(s -> s.size() < 2);
        if (levels.isEmpty()) {
            h.append("<p class=\"note\">The scenario has no grid factor with two or more levels; ")
                .append("see the performance table below.</p>\n");
            return;
        }
        h.append("<p>Points: the measure with error bars of \u00b1").append(Numbers.level(PerformancePlot.MCSE_MULTIPLIER))
            .append(" Monte Carlo SE; where the grid has several factors, one panel per level of the next factor ")
            .append("(the second, or the first for the second's plots), averaged over the levels of any others ")
            .append("(MCSE combined as sqrt(\u03a3 MCSE\u00b2)/m). Dashed line: the nominal value.</p>\n");
        List<String> factors = new ArrayList<>(levels.keySet());
        String[][] rejection = {{UNADJUSTED, MeasureNames.REJECTION_RATE, "", "Unadjusted r = 0, all studies"},
            {ADJUSTED, MeasureNames.REJECTION_RATE, "", "Adjusted r = 0"},
            {DIFFERENCE_SUBGROUP, MeasureNames.REJECTION_RATE, "", "No difference, independent (subgroup) test"},
            {DIFFERENCE_PAIRED, MeasureNames.REJECTION_RATE, "", "No difference, paired test"}};
        String[][] coverage = {{UNADJUSTED, MeasureNames.COVERAGE, Estimand.CAUSAL.key(), "Unadjusted CI covers the causal r"},
            {ADJUSTED, MeasureNames.COVERAGE, Estimand.CAUSAL.key(), "Adjusted CI covers the causal r"},
            {UNADJUSTED, MeasureNames.COVERAGE, Estimand.UNADJUSTED.key(), "Unadjusted CI covers its own target"},
            {ADJUSTED, MeasureNames.COVERAGE, Estimand.ADJUSTED.key(), "Adjusted CI covers its own target"}};
        for (int f = 0; f < factors.size(); f++) {
            String x = factors.get(f);
            String label = run.factorLabels().getOrDefault(x, x);
            // facets: the levels of the next factor, so two factors are never averaged into one line
            Optional<String> facet = factors.stream().filter(g -> !g.equals(x)).findFirst();
            List<Double> facetLevels = facet.map(g -> List.copyOf(levels.get(g))).orElse(List.of(Double.NaN));
            for (int j = 0; j < facetLevels.size(); j++) {
                double v = facetLevels.get(j);
                java.util.function.Predicate<ConditionSummary> within = facet.isEmpty() ? c -> true
                    : c -> Double.valueOf(v).equals(c.info().factors().get(facet.get()));
                String title = facet.map(g -> run.factorLabels().getOrDefault(g, g) + " = " + Numbers.level(v)).orElse("");
                String stem = "-" + (f + 1) + (facet.isEmpty() ? "" : "-" + (j + 1));
                String ids = f + "-" + (facet.isEmpty() ? "" : j + "-");
                String where = facet.isEmpty() ? "" : " at " + title;
                List<PerformanceSeries> rej = series(run, x, levels.get(x), rejection, within);
                if (!rej.isEmpty()) {
                    figure(page, run.scenario() + "-rejection-rate" + stem, "rejection-rate", PerformancePlot.of(
                            new PerformancePlot.Data(title, label, "Rejection rate", rej, run.alpha(), true), PLOT_WIDTH,
                            400), prefix + "rej" + ids, "Rejection rates of each null hypothesis against " + label + where
                        + " (dashed: alpha).");
                }
                List<PerformanceSeries> cov = series(run, x, levels.get(x), coverage, within);
                if (!cov.isEmpty()) {
                    figure(page, run.scenario() + "-coverage" + stem, "coverage", PerformancePlot.of(new PerformancePlot.Data(
                            title, label, "Coverage of the confidence interval", cov, 1 - run.alpha(), true), PLOT_WIDTH, 400),
                        prefix + "cov" + ids, "Coverage against " + label + where + " (dashed: the nominal level).");
                }
            }
        }
    }

    /**
     * Builds one series per spec row (analysis, measure, estimand, legend) that has at least one
     * defined value. At each level of {@code factor} the measure is averaged over the m
     * conditions with that level (the levels of the other factors), ignoring undefined values;
     * as those conditions are independent Monte Carlo experiments, the MCSE of the average is
     * sqrt(&Sigma; MCSE<sub>j</sub><sup>2</sup>) / m.
     */
    static List<PerformanceSeries> series(SimulationOutput run, String factor, Set<Double> levels, String[][] specs) {
        return series(run, factor, levels, specs, c -> true);
    }

    /** As {@link #series(SimulationOutput, String, Set, String[][])}, over the conditions {@code within} accepts. */
    static List<PerformanceSeries> series(SimulationOutput run, String factor, Set<Double> levels, String[][] specs,
                                          java.util.function.Predicate<ConditionSummary> within) {
        List<PerformanceSeries> out = new ArrayList<>();
        for (String[] spec : specs) {
            List<PerformanceSeries.Point> points = new ArrayList<>();
            boolean any = false;
            for (double level : levels) {
                double sum = 0;
                double var = 0;
                int m = 0;
                for (ConditionSummary c : run.conditions()) {
                    if (!within.test(c) || !Double.valueOf(level).equals(c.info().factors().get(factor))) {
                        continue;
                    }
                    Optional<McEstimate> e = estimate(c, spec[0], spec[1], spec[2])
                        .map(x -> new McEstimate(x.value(), x.mcse()));
                    if (e.isPresent() && e.get().isDefined()) {
                        sum += e.get().value();
                        var += e.get().mcseOrZero() * e.get().mcseOrZero();
                        m++;
                    }
                }
                McEstimate mean = m == 0 ? new McEstimate(Double.NaN, Double.NaN)
                    : new McEstimate(sum / m, Math.sqrt(var) / m);
                any |= m > 0;
                points.add(new PerformanceSeries.Point(level, mean));
            }
            if (any) {
                out.add(new PerformanceSeries(spec[3], points));
            }
        }
        return out;
    }

    private static void performanceTables(StringBuilder h, SimulationOutput run) {
        h.append("<h3>Performance table</h3>\n<p>Each cell: the Monte Carlo estimate (its Monte Carlo SE). ")
            .append("Bias and coverage are against the population value named in the column: the causal value, ")
            .append("and each analysis's own target, the estimand it estimates in the studies it pools (named with its ")
            .append("population value in the column Own target: for the difference tests the true difference ")
            .append("z(adjusted) - z(unadjusted) among the reporting studies, for a moderator level's analysis the ")
            .append("unadjusted r of that level's studies; see the population values above).")
            .append(run.conditions().stream().anyMatch(c -> c.find(Analyses.INSTRUMENTAL_VARIABLE, MeasureNames.MEAN, "")
                .isPresent()) ? " For the encouragement trials' <code>iv</code> analysis, causal means the causal effect "
                + "<code>iv_causal_effect</code> and its own target is <code>iv_estimand</code> (docs/designs.md)." : "")
            .append("</p>\n");
        for (ConditionSummary c : run.conditions()) {
            h.append("<h4>").append(Html.esc(run.conditionLabel(c))).append("</h4>\n");
            if (c.failures().size() > 0) {
                h.append("<p class=\"note\">").append(c.failures().size())
                    .append(" replications had a failed analysis (listed in summary.json).</p>\n");
            }
            h.append("<table class=\"perf\">\n<thead><tr><th>Analysis</th><th>Mean k</th><th>Mean</th>")
                .append("<th>Empirical SE</th><th>Bias vs causal</th><th>Coverage: causal</th>")
                .append("<th>Own target</th><th>Bias vs own target</th><th>Coverage of own target</th>")
                .append("<th>Rejection rate</th><th>Mean \u03c4\u00b2</th>")
                .append("<th>Mean I\u00b2 (%)</th><th>Other</th></tr></thead>\n<tbody>\n");
            for (Map.Entry<String, Map<String, List<Measure>>> a : byAnalysis(c).entrySet()) {
                String analysis = a.getKey();
                // Each analysis against its own target (the difference tests: the true difference).
                Estimand target = Analyses.target(analysis);
                String own = target.key();
                double ownValue = c.info().truthPooledBy(analysis, target);
                boolean judged = estimate(c, analysis, MeasureNames.BIAS, own).isPresent()
                    || estimate(c, analysis, MeasureNames.COVERAGE, own).isPresent();
                h.append("<tr><td>").append(Html.esc(analysis)).append("</td>")
                    .append(cell(c, analysis, MeasureNames.MEAN_K, "", 1))
                    .append(cell(c, analysis, MeasureNames.MEAN, "", 3))
                    .append(cell(c, analysis, MeasureNames.EMPIRICAL_SE, "", 3))
                    .append(cell(c, analysis, MeasureNames.BIAS, Analyses.causalTarget(analysis).key(), 3))
                    .append(cell(c, analysis, MeasureNames.COVERAGE, Analyses.causalTarget(analysis).key(), 3))
                    .append("<td>").append(!judged ? "" : Html.esc(own) + (Double.isFinite(ownValue)
                        ? " " + Numbers.fixed(ownValue, target == Estimand.DIFFERENCE ? 4 : 3) : "")).append("</td>")
                    .append(cell(c, analysis, MeasureNames.BIAS, own, 3))
                    .append(cell(c, analysis, MeasureNames.COVERAGE, own, 3))
                    .append(cell(c, analysis, MeasureNames.REJECTION_RATE, "", 3))
                    .append(cell(c, analysis, MeasureNames.MEAN_TAU2, "", 4))
                    .append(cell(c, analysis, MeasureNames.MEAN_I2, "", 1));
                StringBuilder other = new StringBuilder();
                for (Map.Entry<String, List<Measure>> m : a.getValue().entrySet()) {
                    if (IN_COLUMNS.contains(m.getKey())) {
                        continue;
                    }
                    for (Measure e : m.getValue()) {
                        other.append(other.length() == 0 ? "" : "; ").append(Html.esc(m.getKey()))
                            .append(e.estimand().isEmpty() ? "" : " [" + Html.esc(e.estimand()) + "]").append(" ")
                            .append(withMcse(Optional.of(e), 3));
                    }
                }
                h.append("<td class=\"other\">").append(other).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
    }

    private static String cell(ConditionSummary c, String analysis, String measure, String estimand, int decimals) {
        return "<td>" + withMcse(estimate(c, analysis, measure, estimand), decimals) + "</td>";
    }

    /** The measures shown in their own column of the performance table (or left out: rmse, replications). */
    private static final Set<String> IN_COLUMNS = Set.of(MeasureNames.MEAN_K, MeasureNames.MEAN,
        MeasureNames.EMPIRICAL_SE, MeasureNames.BIAS, MeasureNames.COVERAGE, MeasureNames.REJECTION_RATE,
        MeasureNames.MEAN_TAU2, MeasureNames.MEAN_I2, MeasureNames.RMSE, MeasureNames.REPLICATIONS);

    private static Optional<Measure> estimate(ConditionSummary c, String analysis, String measure, String estimand) {
        return c.find(analysis, measure, estimand);
    }

    /** A condition's measures by analysis, then by measure name, each in order of first appearance. */
    private static Map<String, Map<String, List<Measure>>> byAnalysis(ConditionSummary c) {
        Map<String, Map<String, List<Measure>>> out = new LinkedHashMap<>();
        for (Measure m : c.measures()) {
            out.computeIfAbsent(m.analysis(), k -> new LinkedHashMap<>())
                .computeIfAbsent(m.measure(), k -> new ArrayList<>()).add(m);
        }
        return out;
    }

    /**
     * A measure and its MCSE ({@link McseFormat#parts}): the value to the MCSE's last digit (at
     * least {@code decimals}), the MCSE to two significant digits; a proportion of 0 or 1 with
     * MCSE 0 gets the rule of three's one-sided bound instead, any other MCSE of 0 (a constant) is
     * left out.
     */
    private static String withMcse(Optional<Measure> e, int decimals) {
        if (e.isEmpty() || !Double.isFinite(e.get().value())) {
            return "";
        }
        Measure m = e.get();
        McseFormat.Parts p = McseFormat.parts(m.value(), m.mcse(), m.replications(),
            MeasureNames.isProportion(m.measure()), decimals);
        return p.mcse().isEmpty() ? p.value() : p.value() + " <span class=\"mcse\">(" + Html.esc(p.mcse()) + ")</span>";
    }

    private static void figure(Page page, String name, String kind, Figure figure, String idPrefix, String caption) {
        String stem = Html.id(name);
        // the same run given twice draws figures of the same name: keep both files
        for (int n = 2; page.figures.containsKey(stem); n++) {
            stem = Html.id(name) + "-" + n;
        }
        page.figures.put(stem, figure);
        page.html.append("<figure class=\"plot\" data-plot=\"").append(kind).append("\">\n")
            .append(figure.toSvgElement(idPrefix)).append("\n<figcaption>").append(Html.esc(caption))
            .append("</figcaption>\n</figure>\n");
    }

    private static final String CSS = String.join("\n",
        "body { font-family: sans-serif; color: #111; background: #fff; margin: 0; }",
        "main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; }",
        "h1 { font-size: 1.6em; margin-bottom: 0.2em; }",
        "h2 { border-bottom: 2px solid #0072B2; padding-bottom: 4px; margin-top: 2em; }",
        "h4 { margin-bottom: 0.3em; }",
        ".lead, .meta { color: #333; }",
        ".note { color: #555; font-style: italic; }",
        "figure.plot { margin: 1em 0; }",
        "figure.plot svg { max-width: 100%; height: auto; display: block; }",
        "figcaption { color: #444; font-size: 0.9em; margin-top: 4px; }",
        // a table wider than the screen scrolls sideways instead of being cut at the edge
        "table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0 1em; display: block; "
            + "max-width: 100%; overflow-x: auto; }",
        "th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: right; vertical-align: top; }",
        "th { background: #f2f2f2; }",
        "td:first-child, th:first-child, td.other { text-align: left; }",
        ".mcse { color: #666; }",
        ".headline { font-weight: bold; }",
        "tr.infeasible td { color: #777; background: #f7f7f7; }",
        // a long path breaks anywhere rather than running past the edge of a phone's screen
        "code { background: #f4f4f4; padding: 0 3px; overflow-wrap: anywhere; }",
        "footer { margin-top: 3em; color: #666; font-size: 0.85em; }",
        "@media (max-width: 600px) { main { padding: 8px 10px 32px; } h1 { font-size: 1.3em; } "
            + "table { font-size: 0.72em; } th, td { padding: 2px 3px; } "
            // scaled to a phone's width a plot's tick labels shrink to about 5 px; keep them near 9 px
            // and let the figure scroll sideways, as wide tables do
            + "figure.plot { overflow-x: auto; } figure.plot svg { max-width: none; width: 620px; } }",
        "");
}
