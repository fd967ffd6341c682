package org.alliancelab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.alliancelab.cli.io.EffectSizeReader;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.pooling.TauSquaredInterval;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-lab pool}: pools the correlations of a CSV file with a common-effect or
 * random-effects model, as metafor's {@code rma(yi, vi, method = ..., test = ...)} does, and
 * prints a summary or one JSON object.
 */
@Command(name = "pool",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {"Pool the correlations of a CSV file with a common-effect or random-effects model.",
        "",
        "The file needs a header and the columns r and n (plus covariates for PCOR/ZPCOR), "
            + "or t, n and covariates, or precomputed yi and vi; an optional study column labels the rows."})
public final class PoolCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "CSV file of studies.")
    private Path input;

    @Option(names = "--measure", defaultValue = "ZCOR", paramLabel = "MEASURE", converter = Converters.Measure.class,
        description = "Effect size: COR, ZCOR, PCOR or ZPCOR (default: ${DEFAULT-VALUE}).")
    private CorrelationMeasure measure;

    @Option(names = "--method", defaultValue = "REML", paramLabel = "METHOD", converter = Converters.Method.class,
        description = "tau^2 estimator: EE (or FE, common effect), DL, HE, HS, HSK, SJ, ML, REML, EB, PM "
            + "(default: ${DEFAULT-VALUE}).")
    private TauSquaredEstimator method;

    @Option(names = "--test", defaultValue = "z", paramLabel = "TEST", converter = Converters.Test.class,
        description = "Test and CI of the pooled effect: z (Wald) or knha (Knapp-Hartung) (default: ${DEFAULT-VALUE}).")
    private InferenceTest test;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "LEVEL",
        description = "Confidence level of the CIs and the prediction interval, in (0, 1) (default: ${DEFAULT-VALUE}).")
    private double level;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
        description = "text or json (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Option(names = "--digits", defaultValue = "4", paramLabel = "N",
        description = "Decimals in the text summary, 1 to 12 (default: ${DEFAULT-VALUE}).")
    private int digits;

    @Mixin
    private OutputFileOption output;

    @Override
    public Integer call() {
        if (!(level > 0 && level < 1)) {
            throw new ParameterException(spec.commandLine(),
                "Invalid value for option '--level': must lie strictly between 0 and 1, got " + level);
        }
        if (digits < 1 || digits > 12) {
            throw new ParameterException(spec.commandLine(),
                "Invalid value for option '--digits': must be between 1 and 12, got " + digits);
        }
        StudyData data = EffectSizeReader.of(measure).read(input);
        double[] yi = data.yi();
        double[] vi = data.vi();
        RandomEffectsModel model = RandomEffectsModel.of(method).withTest(test).withConfidenceLevel(level);
        MetaAnalysisResult result = model.fit(yi, vi);
        // The Q-profile CI needs a random-effects model and at least two studies (metafor gives none otherwise).
        TauSquaredInterval tau2Interval = method == TauSquaredEstimator.EE || data.k() < 2
            ? null : model.tau2ConfidenceInterval(yi, vi, result.tau2());
        PoolReport report = PoolReport.of(data, result, tau2Interval);
        output.emit(spec, format == OutputFormat.JSON ? report.json() : report.text(digits));
        return AllianceLab.EXIT_OK;
    }
}
