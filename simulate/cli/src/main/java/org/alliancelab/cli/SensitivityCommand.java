package org.alliancelab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancelab.cli.io.Column;
import org.alliancelab.cli.io.EffectSizeInput;
import org.alliancelab.cli.io.EffectSizeReader;
import org.alliancelab.cli.io.InputException;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.sensitivity.ConfoundedMetaAnalysis;
import org.alliancelab.meta.sensitivity.ConfoundedMetaAnalysisResult;
import org.alliancelab.meta.sensitivity.EValue;
import org.alliancelab.meta.sensitivity.EValueResult;
import org.alliancelab.meta.sensitivity.RobustnessValue;
import org.alliancelab.meta.sensitivity.RobustnessValueResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-lab sensitivity}: the robustness of the pooled correlation of a CSV file's
 * studies to unmeasured confounding: its E-value and that of its confidence interval
 * (VanderWeele &amp; Ding 2017, through RR = exp(0.91 d)), the parametric confounded
 * meta-analysis (Mathur &amp; VanderWeele 2020: the proportion of true effects above q after a
 * bias B, T_min and G_min) and the robustness values RV_q and RV_q,alpha (Cinelli &amp; Hazlett
 * 2020) of the pooled correlation and of every study.
 */
@Command(name = "sensitivity",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {"Robustness of the pooled correlation to unmeasured confounding: E-values, the confounded "
        + "meta-analysis (proportion of true effects above q, T_min, G_min) and robustness values.",
        "",
        "Input as for pool. Formulas and conversions: docs/methods.md."})
public final class SensitivityCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private AnalysisOptions analysis;

    @Option(names = "--q", defaultValue = "0.1", paramLabel = "Q",
        description = "Threshold of a meaningful true correlation, in [0, 1), taken in the direction of the pooled "
            + "estimate (default: ${DEFAULT-VALUE}).")
    private double q;

    @Option(names = "--bias", defaultValue = "1", paramLabel = "B",
        description = "Bias factor (risk ratio scale, >= 1) removed from every true effect before counting those "
            + "above q (default: ${DEFAULT-VALUE}, no bias).")
    private double bias;

    @Option(names = "--r", defaultValue = "0.1", paramLabel = "R",
        description = "Proportion, in (0, 1), below which T_min and G_min bring the true effects above q "
            + "(default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Option(names = "--rv-q", defaultValue = "1", paramLabel = "Q",
        description = "Fraction of the estimate the confounding of the robustness value removes, positive "
            + "(default: ${DEFAULT-VALUE}: down to 0).")
    private double rvQ;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "ALPHA",
        description = "Significance level of RV_q,alpha, in (0, 1) (default: ${DEFAULT-VALUE}).")
    private double alpha;

    @Mixin
    private FormatOptions format;

    @Mixin
    private OutputFileOption output;

    @Override
    public Integer call() {
        analysis.validate(spec);
        format.validate(spec);
        validate();
        output.checkNotInput(analysis.input());
        StudyData data = analysis.read(1, "the sensitivity analyses");
        RandomEffectsModel model = analysis.model();
        MetaAnalysisResult pooled = model.fit(data.yi(), data.vi());
        RobustnessValue rv = RobustnessValue.of().withQ(rvQ).withAlpha(alpha);
        double signedQ = pooled.estimate() < 0 ? -q : q;
        EValueResult eValue;
        ConfoundedMetaAnalysisResult confounded;
        RobustnessValueResult robustness;
        try {
            eValue = EValue.ofPooled(pooled, data.measure());
            confounded = ConfoundedMetaAnalysis.ofCorrelationThreshold(signedQ).withBias(bias)
                .withThreshold(threshold).fitPooled(pooled, data.measure());
            robustness = rv.ofPooled(pooled, data.measure());
        } catch (IllegalArgumentException e) {
            // a raw pooled correlation outside (-1, 1)
            throw InputException.inFile(data.table().source(), e.getMessage());
        }
        output.emit(spec, format.render(SensitivityReport.of(data, pooled, eValue, confounded, robustness,
            perStudy(data, rv), signedQ)));
        return AllianceLab.EXIT_OK;
    }

    private void validate() {
        if (!(q >= 0 && q < 1)) {
            throw invalid("--q", "must lie in [0, 1), got " + q);
        }
        if (!(bias >= 1 && bias < Double.POSITIVE_INFINITY)) {
            throw invalid("--bias", "must be a finite risk ratio of at least 1, got " + bias);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw invalid("--r", "must lie strictly between 0 and 1, got " + threshold);
        }
        if (!(rvQ > 0 && rvQ < Double.POSITIVE_INFINITY)) {
            throw invalid("--rv-q", "must be positive, got " + rvQ);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw invalid("--alpha", "must lie strictly between 0 and 1, got " + alpha);
        }
    }

    private ParameterException invalid(String option, String why) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + why);
    }

    /**
     * Each study's robustness values on df = n - p - 2 (p = 0 for COR and ZCOR), or null when the
     * effect sizes were given as yi and vi (no sample sizes).
     */
    private static List<StudyRobustness> perStudy(StudyData data, RobustnessValue rv) {
        if (data.input() == EffectSizeInput.PRECOMPUTED) {
            return null;
        }
        Column n = data.column(EffectSizeReader.N);
        Column p = data.measure().isPartial() ? data.column(EffectSizeReader.COVARIATES) : null;
        double[] yi = data.yi();
        List<StudyRobustness> rows = new ArrayList<>();
        for (int i = 0; i < yi.length; i++) {
            double r = data.measure().isFisherZ() ? Correlations.fromFisherZ(yi[i]) : yi[i];
            int ni = n.wholeNumber(i);
            int pi = p == null ? 0 : p.wholeNumber(i);
            // COR allows n = 2, which leaves no residual df: no robustness value
            RobustnessValueResult res = ni - pi - 2 > 0 ? rv.ofStudy(r, ni, pi) : null;
            rows.add(new StudyRobustness(data.label(i), r, ni, pi, res));
        }
        return rows;
    }

    /**
     * One study's robustness values.
     *
     * @param study its label
     * @param r its (partial) correlation
     * @param n its sample size
     * @param covariates the covariates partialled out
     * @param result the robustness values, or null when n - p - 2 &le; 0
     */
    record StudyRobustness(String study, double r, int n, int covariates, RobustnessValueResult result) {
    }
}
