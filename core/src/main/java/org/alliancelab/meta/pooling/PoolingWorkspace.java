package org.alliancelab.meta.pooling;

import org.alliancelab.meta.internal.ScoringStep;
import org.alliancelab.meta.internal.TailProbabilities;

/**
 * Mutable output of {@link RandomEffectsModel#fit(double[], double[], int, PoolingWorkspace)},
 * the allocation-free entry point for hot loops: a caller keeps one workspace per thread and
 * reads the fields after each fit. The p-values are evaluated when read (the t and
 * chi-squared tails allocate a little inside Commons Numbers; the fit itself allocates nothing). Not thread-safe; use {@link #toResult()} for an immutable
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
    /** Degrees of freedom of the t test, or 0 for the z test. */
    int testDf;
    double ciLower;
    double ciUpper;
    double tau2;
    double tau2Se;
    double i2;
    double h2;
    double qe;
    double piLower;
    double piUpper;
    int iterations;

    // Scratch reused by every fit: the common-effect sums, the sums at the current tau2, and
    // the unweighted sums of the first pass.
    final WeightedSums fixedSums = new WeightedSums();
    final WeightedSums sums = new WeightedSums();
    final ScoringStep scoringStep = ScoringStep.start();
    final GeneralizedQFit qFit = new GeneralizedQFit();
    double unweightedMean;
    double unweightedSquares;
    double sumV;
    double sumV2;

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

    /** @return two-sided p-value of the test of &mu; = 0, evaluated on demand */
    public double pValue() {
        // Evaluated on demand: the t tail allocates inside Commons Numbers, and a fit should not.
        return testDf > 0 ? TailProbabilities.studentTwoSided(statistic, testDf) : TailProbabilities.normalTwoSided(statistic);
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

    /**
     * @return the p-value of Q against chi-squared with k - 1 df (NaN for k = 1), evaluated on
     *     demand
     */
    public double qeP() {
        return k > 1 ? TailProbabilities.chiSquaredUpper(qe, k - 1) : Double.NaN;
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


    /** @return an immutable copy of the last fit */
    public MetaAnalysisResult toResult() {
        return new MetaAnalysisResult(k, estimator, test, level, estimate, se, statistic, pValue(),
            ciLower, ciUpper, tau2, tau2Se, i2, h2, qe, qeP(), piLower, piUpper, iterations);
    }
}
