package org.alliancelab.cli;

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
}
