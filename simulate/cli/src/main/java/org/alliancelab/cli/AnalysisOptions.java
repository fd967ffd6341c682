package org.alliancelab.cli;

import java.nio.file.Path;
import org.alliancelab.cli.io.EffectSizeReader;
import org.alliancelab.cli.io.InputException;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.regression.MetaRegression;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that say what to analyse and with which model, shared by the diagnostic
 * commands ({@code bias}, {@code influence}): {@code --input}, {@code --measure},
 * {@code --method}, {@code --test}, {@code --level}, with {@code pool}'s names and defaults.
 * Use as a picocli {@code @Mixin}.
 */
public final class AnalysisOptions {

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
        description = "Tests and CIs: z (Wald) or knha (Knapp-Hartung) (default: ${DEFAULT-VALUE}).")
    private InferenceTest test;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "LEVEL",
        description = "Confidence level, in (0, 1) (default: ${DEFAULT-VALUE}).")
    private double level;

    /** @return the tau-squared estimator */
    TauSquaredEstimator method() {
        return method;
    }

    /** @return the test of the pooled effect */
    InferenceTest test() {
        return test;
    }

    /** @return the confidence level */
    double level() {
        return level;
    }

    /**
     * @param spec the command, for the error message
     * @throws ParameterException when the level is outside (0, 1)
     */
    /** @return the {@code --input} file */
    Path input() {
        return input;
    }

    void validate(CommandSpec spec) {
        if (!(level > 0 && level < 1)) {
            throw new ParameterException(spec.commandLine(),
                "Invalid value for option '--level': must lie strictly between 0 and 1, got " + level);
        }
    }

    /**
     * @return the studies of the input file with the measure's effect sizes
     * @throws org.alliancelab.cli.io.InputException on any problem with the file
     */
    StudyData read() {
        return EffectSizeReader.of(measure).read(input);
    }

    /**
     * @param minStudies the fewest studies the analysis needs
     * @param analysis what needs them, e.g. "the bias diagnostics"
     * @return the studies of the input file, as {@link #read()}
     * @throws InputException on any problem with the file, or when it has fewer studies
     */
    StudyData read(int minStudies, String analysis) {
        StudyData data = read();
        if (data.k() < minStudies) {
            throw InputException.inFile(data.table().source(), analysis + " need at least " + minStudies
                + " studies, got " + data.k());
        }
        return data;
    }

    /** @return the meta-regression with the options' estimator, test and level */
    MetaRegression metaRegression() {
        return MetaRegression.of(method).withTest(test).withConfidenceLevel(level);
    }

    /** @return the random-effects model the options describe */
    RandomEffectsModel model() {
        return RandomEffectsModel.of(method).withTest(test).withConfidenceLevel(level);
    }
}
