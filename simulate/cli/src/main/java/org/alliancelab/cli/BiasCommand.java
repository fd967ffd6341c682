package org.alliancelab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancelab.cli.io.InputException;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.bias.EggerResult;
import org.alliancelab.meta.bias.EggerTest;
import org.alliancelab.meta.bias.FailSafeN;
import org.alliancelab.meta.bias.FailSafeResult;
import org.alliancelab.meta.bias.FunnelSide;
import org.alliancelab.meta.bias.MissingStudiesEstimator;
import org.alliancelab.meta.bias.PValueAlternative;
import org.alliancelab.meta.bias.PetPeese;
import org.alliancelab.meta.bias.PetPeeseResult;
import org.alliancelab.meta.bias.RankCorrelationResult;
import org.alliancelab.meta.bias.RankCorrelationTest;
import org.alliancelab.meta.bias.SelectionModel;
import org.alliancelab.meta.bias.SelectionModelResult;
import org.alliancelab.meta.bias.TrimAndFill;
import org.alliancelab.meta.bias.TrimAndFillResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.regression.InvalidModeratorException;
import org.alliancelab.plot.EggerLine;
import org.alliancelab.plot.FunnelPlot;
import org.alliancelab.plot.FunnelPlotData;
import org.alliancelab.plot.PeeseCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-lab bias}: publication-bias diagnostics of the studies of a CSV file, as
 * metafor computes them for {@code res <- rma(yi, vi, method = ..., test = ...)}: Egger's
 * regression test ({@code regtest(res)}: mixed-effects meta-regression on the standard error),
 * Begg and Mazumdar's rank correlation test ({@code ranktest(res)}), trim-and-fill
 * ({@code trimfill(res, estimator = "L0" | "R0")}, with metafor's own convergence control for
 * its refits) and the fail-safe numbers of Rosenthal ({@code fsn(yi, vi)}) and Orwin (target
 * half the unweighted mean effect), PET-PEESE ({@code rma(yi, vi, mods = ~ sqrt(vi))} and
 * {@code ~ vi}, PEESE when PET's intercept differs from 0 at p &lt; .05) and, with
 * {@code --selmodel}, a step-function selection model ({@code selmodel(res, type = "stepfun",
 * steps = ...)}). {@code --plot FILE} also draws the funnel plot with the trim-and-fill studies,
 * Egger's (= PET's) line and PEESE's curve.
 */
@Command(name = "bias",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {"Publication-bias diagnostics: Egger's regression test, Begg's rank correlation test, "
        + "trim-and-fill, fail-safe N, PET-PEESE and (with --selmodel) a step-function selection model.",
        "",
        "Input as for pool; at least 3 studies, not all of the same precision. "
            + "--plot FILE draws the funnel plot (.svg or .png)."})
public final class BiasCommand implements Callable<Integer> {

    /** Fewest studies for which all the diagnostics exist (Egger's regression has 2 coefficients). */
    static final int MIN_STUDIES = 3;

    @Spec
    private CommandSpec spec;

    @Mixin
    private AnalysisOptions analysis;

    @Option(names = "--trimfill-estimator", defaultValue = "L0", paramLabel = "EST",
        description = "Estimator of the number of missing studies: L0 or R0 (default: ${DEFAULT-VALUE}).")
    private MissingStudiesEstimator trimfillEstimator;

    @Option(names = "--trimfill-side", paramLabel = "SIDE",
        description = "Side of the funnel plot on which to fill: left or right (default: chosen from the sign "
            + "of Egger's slope, as metafor does).")
    private FunnelSide trimfillSide;

    @Option(names = "--selmodel", paramLabel = "3psm|STEPS", converter = Converters.Selection.class,
        description = "Also fit a step-function selection model by maximum likelihood (metafor's selmodel, "
            + "type = \"stepfun\"): 3psm (one step at one-sided p = .025) or the steps on the p-value scale, "
            + "comma-separated, e.g. .025,.5 (1 is added). REML and the other estimators are refitted as ML; "
            + "EE fixes tau^2 = 0.")
    private SelectionModel selmodel;

    @Option(names = "--selmodel-alternative", defaultValue = "greater", paramLabel = "ALT",
        converter = Converters.Alternative.class,
        description = "p-value of the selection model's steps: greater (one-sided, selection of significant "
            + "positive results), less or two.sided (default: ${DEFAULT-VALUE}).")
    private PValueAlternative selmodelAlternative;

    @Mixin
    private FormatOptions format;

    @Option(names = "--plot", paramLabel = "FILE",
        description = "Also draw the funnel plot (with the trim-and-fill studies, Egger's line, which is PET's, "
            + "and PEESE's curve) to FILE: "
            + "SVG or PNG, by the extension .svg or .png.")
    private Path plot;

    @Mixin
    private OutputFileOption output;

    @Override
    public Integer call() {
        analysis.validate(spec);
        format.validate(spec);
        PlotOutput.validate(spec, plot, output.file());
        output.checkNotInput(analysis.input(), plot);
        StudyData data = analysis.read(MIN_STUDIES, "the bias diagnostics");
        PlotOutput.checkSize(plot, "funnel", data.k(), PlotOutput.MAX_FUNNEL_STUDIES, data.table().source());
        double[] yi = data.yi();
        double[] vi = data.vi();
        RandomEffectsModel model = analysis.model();
        EggerResult egger;
        TrimAndFillResult trimfill;
        PetPeeseResult petPeese;
        try {
            egger = EggerTest.of(analysis.metaRegression()).test(yi, vi);
            petPeese = PetPeese.of(analysis.metaRegression()).fit(yi, vi);
            TrimAndFill tf = TrimAndFill.of(model).matchingMetafor().withEstimator(trimfillEstimator);
            // an ArithmeticException (k0 did not settle) is a computation failure: AllianceLab reports it
            trimfill = (trimfillSide == null ? tf : tf.withSide(trimfillSide)).fit(yi, vi);
        } catch (InvalidModeratorException e) {
            // the standard error is the predictor: it must vary
            throw InputException.inFile(data.table().source(), "Egger's test, PET-PEESE and trim-and-fill need "
                + "studies of different precision, but all sampling variances are equal");
        }
        SelectionModelResult selection = null;
        if (selmodel != null) {
            try {
                // a fit that does not converge is an ArithmeticException: AllianceLab reports it (exit 1)
                selection = selmodel.withAlternative(selmodelAlternative).withEstimator(model.estimator())
                    .withConfidenceLevel(model.confidenceLevel()).fit(yi, vi);
            } catch (IllegalArgumentException e) {
                // an interval without studies (EmptyIntervalException) or fewer studies than parameters
                throw InputException.inFile(data.table().source(), "--selmodel: " + e.getMessage());
            }
        }
        RankCorrelationResult rank = RankCorrelationTest.test(yi, vi);
        FailSafeResult rosenthal = FailSafeN.rosenthal(yi, vi);
        FailSafeResult orwin = FailSafeN.orwin(yi);
        String text = format.render(BiasReport.of(data, model, egger, rank, trimfill, rosenthal, orwin, petPeese,
            selection));
        if (plot != null) {
            // the funnel is centred on the trim-and-fill estimate, as metafor's funnel(trimfill(res))
            FunnelPlotData funnel = FunnelPlotData.forBias(List.of(data.labels()), yi, vi, model.fit(yi, vi),
                    data.measure())
                .withFilled(trimfill.filledYi(), trimfill.filledVi(), trimfill.filled().estimate())
                .withEgger(new EggerLine(egger.limitEstimate(), egger.slope()))
                .withPeese(new PeeseCurve(petPeese.peeseIntercept().estimate(),
                    petPeese.peese().coefficients().get(1).estimate()));
            PlotOutput.write(spec, output, plot, FunnelPlot.of(funnel));
        }
        output.emit(spec, text);
        return AllianceLab.EXIT_OK;
    }
}
