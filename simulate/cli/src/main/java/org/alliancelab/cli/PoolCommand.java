package org.alliancelab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alliancelab.cli.io.Column;
import org.alliancelab.cli.io.CompleteCases;
import org.alliancelab.cli.io.InputException;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.pooling.TauSquaredInterval;
import org.alliancelab.meta.regression.ClusterRobustInference;
import org.alliancelab.meta.regression.ClusterRobustResult;
import org.alliancelab.meta.regression.DesignMatrix;
import org.alliancelab.meta.regression.InvalidModeratorException;
import org.alliancelab.meta.regression.MetaRegressionResult;
import org.alliancelab.meta.regression.SandwichEstimator;
import org.alliancelab.meta.subgroup.HeterogeneityAssumption;
import org.alliancelab.meta.subgroup.Subgroup;
import org.alliancelab.meta.subgroup.SubgroupAnalysis;
import org.alliancelab.meta.subgroup.SubgroupResult;
import org.alliancelab.plot.ForestPanel;
import org.alliancelab.plot.ForestPlot;
import org.alliancelab.plot.ForestPlotData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-lab pool}: pools the correlations of a CSV file with a common-effect or
 * random-effects model, as metafor's {@code rma(yi, vi, method = ..., test = ...)} does, and
 * prints a summary or one JSON object. With {@code --mods} it fits the mixed-effects
 * meta-regression on those columns ({@code rma(yi, vi, mods = ~ ...)}; see {@link Moderators}
 * for how columns become coefficients); with {@code --by} it pools each level of a column
 * separately and tests the subgroup differences. A study with a missing value in a column of
 * the model ({@code --mods}, {@code --by}) is left out of that model with {@code --na omit}, the
 * default, or refused with {@code --na fail} ({@link NaOption}). {@code --plot FILE} also draws the forest plot
 * (one panel per subgroup with {@code --by}; refused with {@code --mods}, whose coefficients
 * are not a forest plot).
 */
@Command(name = "pool",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {"Pool the correlations of a CSV file with a common-effect or random-effects model.",
        "",
        "The file needs a header and the columns r and n (plus covariates for PCOR/ZPCOR), "
            + "or t, n and covariates, or precomputed yi and vi; an optional study column labels the rows.",
        "",
        "--mods COL[,COL...] fits a meta-regression on those columns (numeric columns are continuous, "
            + "others categorical with the first sorted level as reference; factor(COL) forces categorical). "
            + "--by COL pools each level of COL and tests the differences (Q-between). "
            + "A study with an empty or NA cell in a --mods or --by column is left out of that model (--na omit, "
            + "as metafor's na.action = \"na.omit\"); effect-size cells are never optional. "
            + "--plot FILE draws the forest plot (.svg or .png)."})
public final class PoolCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private AnalysisOptions analysis;

    @Mixin
    private FormatOptions format;

    @Option(names = "--mods", split = ",", paramLabel = "COL",
        description = "Moderator columns of a meta-regression, comma-separated; factor(COL) makes a numeric "
            + "column categorical.")
    private List<String> mods;

    @Option(names = "--by", paramLabel = "COL",
        description = "Column whose levels define subgroups: pool each, test the differences.")
    private String by;

    @Option(names = "--subgroup-tau2", paramLabel = "TAU2",
        description = "With --by: separate (tau^2 per subgroup, the default) or common (one tau^2 from the "
            + "meta-regression on the subgroups).")
    private HeterogeneityAssumption subgroupTau2;

    @Option(names = "--cluster", paramLabel = "COL",
        description = "With --robust: the column naming each row's cluster (e.g. the study of several "
            + "effect sizes).")
    private String cluster;

    @Option(names = "--robust", paramLabel = "CR1|CR2",
        description = "Cluster-robust inference on the pooled estimate or the --mods coefficients: CR2 "
            + "(small-sample corrected, Satterthwaite df; clubSandwich, metafor::robust(clubSandwich = TRUE)) or "
            + "CR1 (metafor::robust(adjust = TRUE)). Needs --cluster.")
    private SandwichEstimator robust;

    @Option(names = "--plot", paramLabel = "FILE",
        description = "Also draw the forest plot (one panel per subgroup with --by) to FILE: SVG or PNG, "
            + "by the extension .svg or .png. Not with --mods.")
    private Path plot;

    @Mixin
    private NaOption na;

    @Mixin
    private OutputFileOption output;

    @Override
    public Integer call() {
        analysis.validate(spec);
        format.validate(spec);
        if (mods != null && by != null) {
            throw new ParameterException(spec.commandLine(), "--mods and --by cannot be combined: "
                + "use --mods for a meta-regression or --by for a subgroup analysis");
        }
        if (subgroupTau2 != null && by == null) {
            throw new ParameterException(spec.commandLine(), "--subgroup-tau2 needs --by");
        }
        if (mods != null && plot != null) {
            throw new ParameterException(spec.commandLine(), "--plot draws the forest plot of a pooled estimate "
                + "or of subgroups (--by); a meta-regression (--mods) has no pooled estimate to draw");
        }
        if ((cluster == null) != (robust == null)) {
            throw new ParameterException(spec.commandLine(), cluster == null ? "--robust needs --cluster COL"
                : "--cluster needs --robust CR1 or CR2");
        }
        if (robust != null && by != null) {
            throw new ParameterException(spec.commandLine(), "--robust applies to the pooled estimate or a "
                + "meta-regression (--mods), not to --by subgroups");
        }
        PlotOutput.validate(spec, plot, output.file());
        output.checkNotInput(analysis.input(), plot);
        StudyData data = analysis.read();
        PlotOutput.checkSize(plot, "forest", data.k(), PlotOutput.MAX_FOREST_STUDIES, data.table().source());
        String text;
        if (mods != null) {
            text = metaRegression(data);
        } else if (by != null) {
            text = subgroups(data);
        } else {
            text = pool(data);
        }
        output.emit(spec, text);
        return AllianceLab.EXIT_OK;
    }

    private String pool(StudyData data) {
        double[] yi = data.yi();
        double[] vi = data.vi();
        RandomEffectsModel model = analysis.model();
        MetaAnalysisResult result = model.fit(yi, vi);
        // no moderator, so every study (as rma(yi, vi)): effect sizes are never missing
        Report report = PoolReport.of(data, result, tau2Interval(model, yi, vi, result));
        if (robust != null) {
            report = ClusterRobustReport.of(report, robustFit(data, result.tau2(), DesignMatrix.interceptOnly(yi.length)),
                cluster);
        }
        String text = format.render(report);
        if (plot != null) {
            PlotOutput.write(spec, output, plot, ForestPlot.of(
                ForestPlotData.forPool(List.of(data.labels()), yi, vi, result, data.measure())));
        }
        return text;
    }

    /** The Q-profile CI needs a random-effects model and at least two studies (metafor gives none otherwise). */
    private TauSquaredInterval tau2Interval(RandomEffectsModel model, double[] yi, double[] vi, MetaAnalysisResult r) {
        return analysis.method() == TauSquaredEstimator.EE || yi.length < 2 ? null : model.tau2ConfidenceInterval(yi, vi, r.tau2());
    }

    private String metaRegression(StudyData all) {
        CompleteCases cases = na.apply(all, Moderators.columns(all.table(), mods));
        StudyData data = cases.used();
        DesignMatrix design = Moderators.design(cases, mods);
        MetaRegressionResult result;
        try {
            result = analysis.metaRegression().fit(data.yi(), data.vi(), design);
        } catch (InvalidModeratorException e) {
            // collinear moderators: reported by design-matrix column
            throw Moderators.located(data.table(),
                Moderators.sourceColumn(data.table(), e.moderator(), mods), e);
        }
        Report report = MetaRegressionReport.of(cases, result);
        if (robust != null) {
            report = ClusterRobustReport.of(report, robustFit(data, result.tau2(), design), cluster);
        }
        return format.render(report);
    }

    /**
     * The working model's fit with cluster-robust inference; clusters numbered by first appearance.
     * A missing cluster is an error even with {@code --na omit}, as in metafor's {@code robust()},
     * which takes the clusters of the studies the model kept and refuses a missing one.
     */
    private ClusterRobustResult robustFit(StudyData data, double tau2, DesignMatrix design) {
        Column column = data.findColumn(cluster)
            .orElseThrow(() -> data.table().missingColumn(cluster, "cluster column (--cluster) is missing"));
        String[] labels = column.labels("every study the model uses needs a cluster");
        Map<String, Integer> ids = new HashMap<>();
        int[] id = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            id[i] = ids.computeIfAbsent(labels[i], l -> ids.size());
        }
        if (ids.size() < 2 || (robust == SandwichEstimator.CR1 && ids.size() <= design.columns())) {
            throw InputException.inFile(data.table().source(), "column " + cluster + " has " + ids.size()
                + " cluster" + (ids.size() == 1 ? "" : "s") + "; " + robust + " needs at least "
                + (robust == SandwichEstimator.CR1 ? design.columns() + 1 : 2));
        }
        return ClusterRobustInference.of(robust).withConfidenceLevel(analysis.level())
            .fit(data.yi(), data.vi(), tau2, design, id);
    }

    private String subgroups(StudyData all) {
        if (!all.table().hasColumn(by)) {
            throw all.table().missingColumn(by, "subgroup column (--by) is missing");
        }
        // a study without a level is in no subgroup and not in the test of their differences
        CompleteCases cases = na.apply(all, List.of(by));
        StudyData data = cases.used();
        String[] levels = data.column(by).labels("every study needs a subgroup");
        double[] yi = data.yi();
        double[] vi = data.vi();
        HeterogeneityAssumption assumption = subgroupTau2 == null ? HeterogeneityAssumption.SEPARATE : subgroupTau2;
        RandomEffectsModel model = analysis.model();
        SubgroupResult result;
        try {
            result = SubgroupAnalysis.of(model).withHeterogeneity(assumption).fit(yi, vi, levels);
        } catch (InvalidModeratorException e) {
            throw Moderators.located(data.table(), by, e);
        }
        List<TauSquaredInterval> intervals = new ArrayList<>();
        List<ForestPanel> panels = new ArrayList<>();
        String[] labels = data.labels();
        for (Subgroup g : result.groups()) {
            double[] groupYi = subset(yi, levels, g.level());
            double[] groupVi = subset(vi, levels, g.level());
            // with a common tau^2 the subgroup's tau^2 is not estimated from its own studies: no CI
            intervals.add(assumption == HeterogeneityAssumption.COMMON ? null
                : tau2Interval(model, groupYi, groupVi, g.result()));
            if (plot != null) {
                panels.add(ForestPanel.of(g.level(), subset(labels, levels, g.level()), groupYi, groupVi,
                    g.result()));
            }
        }
        String text = format.render(SubgroupReport.of(cases, model, by, result, intervals));
        if (plot != null) {
            PlotOutput.write(spec, output, plot, ForestPlot.of(
                ForestPlotData.forSubgroups(panels, data.measure(), analysis.level())
                    .withNote("Test of subgroup differences: " + SubgroupReport.qBetween(result, format.digits()))));
        }
        return text;
    }

    private static List<String> subset(String[] labels, String[] levels, String level) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (levels[i].equals(level)) {
                out.add(labels[i]);
            }
        }
        return out;
    }

    private static double[] subset(double[] x, String[] levels, String level) {
        int n = 0;
        for (String l : levels) {
            n += l.equals(level) ? 1 : 0;
        }
        double[] out = new double[n];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (levels[i].equals(level)) {
                out[j++] = x[i];
            }
        }
        return out;
    }
}
