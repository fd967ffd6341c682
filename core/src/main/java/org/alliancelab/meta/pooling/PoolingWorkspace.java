package org.alliancelab.meta.pooling;

import org.alliancelab.meta.internal.ScoringStep;
import org.alliancelab.meta.internal.TailProbabilities;

/**
 * Mutable output of {@link RandomEffectsModel#fit(double[], double[], int, PoolingWorkspace)},
 * the allocation-free entry point for hot loops: a caller keeps one workspace per thread and
 * reads the fields after each fit. Not thread-safe; use {@link #toResult()} for an immutable
 * copy.
 */
public final class PoolingWorkspace {
    int k;
    TauSquaredEstimator estimator;
    InferenceTest test;
    double level;
    double estimate;
    double se;
    double statistic;
    double pValue;
    double ciLower;
    double ciUpper;
    double tau2;
    double tau2Se;
    double i2;
    double h2;
    double qe;
    double qeP;
    double piLower;
    double piUpper;
    int iterations;

    // Scratch reused by every fit: the common-effect sums, the sums at the current tau2, and
    // the unweighted sums of the first pass.
    final WeightedSums fixedSums = new WeightedSums();
    final WeightedSums sums = new WeightedSums();
    final ScoringStep scoringStep = ScoringStep.start();
    double unweightedMean;
    double unweightedSquares;
    double sumV;
    double sumV2;
    // t quantile cached per (df, level): recomputed only when k or the level changes.
    private int cachedDf = -1;
    private double cachedLevel = Double.NaN;
    private double cachedTCritical;

    /** Creates an empty workspace. */
    public PoolingWorkspace() {
        // fields are set by each fit
    }

    /** @return number of studies of the last fit */
    public int k() {
        return k;
    }

    /** @return pooled estimate */
    public double estimate() {
        return estimate;
    }

    /** @return standard error of the pooled estimate */
    public double se() {
        return se;
    }

    /** @return test statistic */
    public double statistic() {
        return statistic;
    }

    /** @return two-sided p-value */
    public double pValue() {
        return pValue;
    }

    /** @return lower confidence bound */
    public double ciLower() {
        return ciLower;
    }

    /** @return upper confidence bound */
    public double ciUpper() {
        return ciUpper;
    }

    /** @return tau-squared estimate */
    public double tau2() {
        return tau2;
    }

    /** @return I-squared in percent */
    public double i2() {
        return i2;
    }

    /** @return Cochran's Q */
    public double qe() {
        return qe;
    }

    /** @return lower prediction bound */
    public double piLower() {
        return piLower;
    }

    /** @return upper prediction bound */
    public double piUpper() {
        return piUpper;
    }

    /** @return iterations of the tau-squared estimator */
    public int iterations() {
        return iterations;
    }

    /** Two-sided critical value of Student t with df degrees of freedom for the level. */
    double tCritical(int df, double confidenceLevel) {
        if (df != cachedDf || confidenceLevel != cachedLevel) {
            cachedTCritical = TailProbabilities.studentCritical(confidenceLevel, df);
            cachedDf = df;
            cachedLevel = confidenceLevel;
        }
        return cachedTCritical;
    }

    /** @return an immutable copy of the last fit */
    public MetaAnalysisResult toResult() {
        return new MetaAnalysisResult(k, estimator, test, level, estimate, se, statistic, pValue,
            ciLower, ciUpper, tau2, tau2Se, i2, h2, qe, qeP, piLower, piUpper, iterations);
    }
}
