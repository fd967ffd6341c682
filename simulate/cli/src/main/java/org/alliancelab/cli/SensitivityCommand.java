package org.alliancelab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.confounding.EValue;
import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.meta.confounding.RobustnessValue;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sensitivity}: how strong unmeasured confounding would have to be to explain the pooled
 * (partial) correlation away: its E-value and that of its confidence bound closest to 0
 * (VanderWeele &amp; Ding 2017), and its robustness values RV<sub>q</sub> and RV<sub>q,&alpha;</sub>
 * with the partial R<sup>2</sup> (Cinelli &amp; Hazlett 2020), pooled and per study. The degrees of
 * freedom of an estimate are those its sampling variance implies (docs/methods.md).
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Robustness of the pooled (partial) correlation to unmeasured confounding: E-values of the "
        + "estimate and of its confidence bound closest to 0, and the robustness values RV_q and RV_q,alpha "
        + "with the partial R^2, pooled and per study.",
        "", "Input as for pool."})
public final class SensitivityCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private AnalysisOptions analysis;

    @Option(names = "--q", defaultValue = "1", paramLabel = "Q",
        description = "Share of the estimate the confounder must explain away for RV_q, positive "
            + "(default: ${DEFAULT-VALUE}, all of it).")
    private double q;

    @Mixin
    private FormatOptions format;

    @Mixin
    private OutputFileOption output;

    @Override
    public Integer call() {
        analysis.validate(spec);
        format.validate(spec);
        if (!(q > 0 && q < Double.POSITIVE_INFINITY)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--q': must be positive, got " + q);
        }
        output.checkNotInput(analysis.input());
        StudyData data = analysis.read(2, "the sensitivity analysis");
        MetaAnalysisResult fit = analysis.model().fit(data.yi(), data.vi());
        boolean fisher = data.measure().isFisherZ();
        double alpha = 1 - analysis.level();
        MetaAnalysisResult.CorrelationSummary c = fisher ? fit.toCorrelation() : null;
        double r = fisher ? c.r() : fit.estimate();
        double lower = fisher ? c.ciLower() : fit.ciLower();
        double upper = fisher ? c.ciUpper() : fit.ciUpper();
        EValue e = EValue.ofCorrelation(clamp(r), clamp(lower), clamp(upper));
        RobustnessValue pooled = RobustnessValue.ofPartialCorrelation(clamp(r),
            impliedDf(fisher, r, fit.se() * fit.se()), q, alpha);
        List<RobustnessValue> studies = new ArrayList<>();
        for (int i = 0; i < data.k(); i++) {
            double ri = fisher ? Correlations.fromFisherZ(data.yi()[i]) : data.yi()[i];
            studies.add(RobustnessValue.ofPartialCorrelation(clamp(ri), impliedDf(fisher, ri, data.vi()[i]), q, alpha));
        }
        output.emit(spec, format.render(SensitivityReport.of(data, fit, r, lower, upper, e, pooled, studies)));
        return AllianceLab.EXIT_OK;
    }

    /**
     * The residual degrees of freedom whose (partial) correlation would have the given sampling
     * variance: on the Fisher-z scale v = 1/(df - 1), so df = 1/v + 1 (exactly n - p - 2 for a
     * study); on the correlation scale v = (1 - r<sup>2</sup>)<sup>2</sup>/df.
     */
    static double impliedDf(boolean fisher, double r, double v) {
        return fisher ? 1 / v + 1 : (1 - r * r) * (1 - r * r) / v;
    }

    /** Keeps a bound of a raw-scale interval inside (-1, 1), where the conversions are defined. */
    private static double clamp(double r) {
        return Math.max(-1 + 1e-12, Math.min(1 - 1e-12, r));
    }
}
