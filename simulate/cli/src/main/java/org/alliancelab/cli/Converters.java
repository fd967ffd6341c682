package org.alliancelab.cli;

import java.util.Arrays;
import java.util.Locale;
import org.alliancelab.meta.bias.PValueAlternative;
import org.alliancelab.meta.bias.SelectionModel;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for the core library's names, so that an unknown value gives the
 * library's own message ("unknown method 'XYZ' (expected one of ...)") on one line.
 */
final class Converters {

    private Converters() {
    }

    /** Parses the replications of {@code --save-studies} (all, N, LIST) before anything runs. */
    static final class StudySelection implements ITypeConverter<org.alliancelab.simulate.montecarlo.SavedStudies.Selection> {
        @Override
        public org.alliancelab.simulate.montecarlo.SavedStudies.Selection convert(String value) {
            try {
                return org.alliancelab.simulate.montecarlo.SavedStudies.Selection.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses {@link CorrelationMeasure} names (COR, ZCOR, PCOR, ZPCOR). */
    static final class Measure implements ITypeConverter<CorrelationMeasure> {
        @Override
        public CorrelationMeasure convert(String value) {
            try {
                return CorrelationMeasure.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses {@link TauSquaredEstimator} names (EE or FE, DL, ..., REML). */
    static final class Method implements ITypeConverter<TauSquaredEstimator> {
        @Override
        public TauSquaredEstimator convert(String value) {
            try {
                return TauSquaredEstimator.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses {@link InferenceTest} names (z, knha). */
    static final class Test implements ITypeConverter<InferenceTest> {
        @Override
        public InferenceTest convert(String value) {
            try {
                return InferenceTest.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * Parses a step-function selection model: {@code 3psm} (one step at one-sided p = .025) or
     * the steps on the p-value scale separated by commas, e.g. {@code .025,.5}.
     */
    static final class Selection implements ITypeConverter<SelectionModel> {
        @Override
        public SelectionModel convert(String value) {
            if (value.trim().toLowerCase(Locale.ROOT).equals("3psm")) {
                return SelectionModel.threeParameter();
            }
            try {
                return SelectionModel.of(Arrays.stream(value.split(",", -1)).map(String::trim)
                    .mapToDouble(Double::parseDouble).toArray());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is neither 3psm nor steps such as .025,.5");
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses {@link PValueAlternative} names (greater, less, two.sided). */
    static final class Alternative implements ITypeConverter<PValueAlternative> {
        @Override
        public PValueAlternative convert(String value) {
            try {
                return PValueAlternative.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
