package org.alliancelab.simulate.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancelab.simulate.analysis.MeasureSpec;
import org.alliancelab.simulate.analysis.RecordLayout;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.results.Measure;
import org.alliancelab.simulate.results.MeasureNames;

/**
 * Streams replication records of one condition into the performance measures of one
 * {@link MeasureSpec}, with Monte Carlo standard errors after Morris, White &amp; Crowther
 * (2019), Table 6. With n replications in which the analysis succeeded, estimates
 * &theta;&#x0302;<sub>i</sub>, their mean &theta;&#x0304;, true value &theta; and
 * s<sup>2</sup> = &Sigma;(&theta;&#x0302;<sub>i</sub> - &theta;&#x0304;)<sup>2</sup>/(n - 1):
 * <ul>
 * <li>mean = &theta;&#x0304;, MCSE = s/&radic;n;</li>
 * <li>bias = &theta;&#x0304; - &theta;, MCSE = s/&radic;n;</li>
 * <li>empirical SE = s, MCSE = s/&radic;(2(n - 1));</li>
 * <li>MSE = &Sigma;(&theta;&#x0302;<sub>i</sub> - &theta;)<sup>2</sup>/n, MCSE =
 *     &radic;(&Sigma;[(&theta;&#x0302;<sub>i</sub> - &theta;)<sup>2</sup> - MSE]<sup>2</sup>/(n(n - 1)));
 *     reported as RMSE = &radic;MSE with the delta-method MCSE(MSE)/(2 RMSE);</li>
 * <li>coverage = share of replications whose CI [lower, upper] contains &theta; (bounds
 *     included), MCSE = &radic;(p(1 - p)/n);</li>
 * <li>rejection rate = share of replications with p-value &lt; alpha, MCSE = &radic;(p(1 - p)/n).</li>
 * </ul>
 * A measure that needs n &ge; 2 (empirical SE and every MCSE built on s) is NaN below that; a
 * measure over zero replications is NaN. Sums are updated by Welford's method
 * ({@link RunningMoments}) in the order records arrive.
 *
 * <p>Morris, T. P., White, I. R. &amp; Crowther, M. J. (2019). Using simulation studies to
 * evaluate statistical methods. Statistics in Medicine 38, 2074-2102. doi:10.1002/sim.8086
 */
abstract class MeasureAccumulator {

    /** @param row one replication record (values in layout order) */
    abstract void add(double[] row);

    /** @return the measures over the records added so far */
    abstract List<Measure> measures();

    /**
     * @param spec what to compute
     * @param layout the record's columns
     * @param alpha significance level of the rejection rates
     * @return a fresh accumulator
     */
    static MeasureAccumulator of(MeasureSpec spec, RecordLayout layout, double alpha) {
        if (spec instanceof MeasureSpec.Estimator e) {
            return new EstimatorAccumulator(e, layout, alpha);
        }
        if (spec instanceof MeasureSpec.Mean m) {
            return new MeanAccumulator(m, layout);
        }
        MeasureSpec.Rejection r = (MeasureSpec.Rejection) spec;
        return new RejectionAccumulator(r, layout, alpha);
    }

    /**
     * Binomial Monte Carlo SE of a proportion, &radic;(p(1 - p)/n).
     *
     * @param p the proportion
     * @param n the number of replications
     * @return the MCSE, NaN for n = 0
     */
    static double proportionMcse(double p, long n) {
        return n == 0 ? Double.NaN : Math.sqrt(p * (1 - p) / n);
    }

    /**
     * Monte Carlo SE of the empirical SE, s/&radic;(2(n - 1)).
     *
     * @param s the empirical SE
     * @param n the number of replications
     * @return the MCSE, NaN for n &lt; 2
     */
    static double empiricalSeMcse(double s, long n) {
        return n < 2 ? Double.NaN : s / Math.sqrt(2.0 * (n - 1));
    }

    /**
     * RMSE and its delta-method MCSE from the moments of the squared errors.
     *
     * @param squaredErrors moments of (&theta;&#x0302;<sub>i</sub> - &theta;)<sup>2</sup>
     * @return {RMSE, MCSE}; the MCSE is NaN when RMSE = 0 or n &lt; 2
     */
    static double[] rmse(RunningMoments squaredErrors) {
        double mse = squaredErrors.mean();
        double rmse = Math.sqrt(mse);
        double mcse = rmse > 0 ? squaredErrors.standardErrorOfMean() / (2 * rmse) : Double.NaN;
        return new double[] {rmse, mcse};
    }

    /**
     * Whether a confidence set covers a value: the interval [lower, upper], or for
     * {@code lower > upper} the two rays {@code (-inf, upper]} and {@code [lower, inf)}, the shape
     * of a Fieller-type set ({@link MeasureSpec.Estimator}).
     */
    static boolean covers(double lower, double upper, double value) {
        return lower <= upper ? lower <= value && value <= upper : value <= upper || value >= lower;
    }

    /** The measures of {@link MeasureSpec.Estimator}. */
    private static final class EstimatorAccumulator extends MeasureAccumulator {
        private final MeasureSpec.Estimator spec;
        private final double alpha;
        private final int estimate;
        private final int lower;
        private final int upper;
        private final int pValue;
        private final String[] estimandNames;
        private final double[] truths;
        private final String[] meanNames;
        private final int[] meanColumns;
        private final RunningMoments moments = new RunningMoments();
        private final RunningMoments[] squaredErrors;
        private final long[] covered;
        private final long[] coverageN;
        private final RunningMoments[] means;
        private long rejected;
        private long tested;

        EstimatorAccumulator(MeasureSpec.Estimator spec, RecordLayout layout, double alpha) {
            this.spec = spec;
            this.alpha = alpha;
            this.estimate = layout.indexOf(spec.estimate());
            this.lower = spec.ciLower() == null ? -1 : layout.indexOf(spec.ciLower());
            this.upper = spec.ciUpper() == null ? -1 : layout.indexOf(spec.ciUpper());
            this.pValue = spec.pValue() == null ? -1 : layout.indexOf(spec.pValue());
            int e = spec.estimands().size();
            estimandNames = new String[e];
            truths = new double[e];
            int i = 0;
            for (Map.Entry<Estimand, Double> en : spec.estimands().entrySet()) {
                estimandNames[i] = en.getKey().key();
                truths[i++] = en.getValue();
            }
            squaredErrors = new RunningMoments[e];
            for (int j = 0; j < e; j++) {
                squaredErrors[j] = new RunningMoments();
            }
            covered = new long[e];
            coverageN = new long[e];
            int m = spec.means().size();
            meanNames = new String[m];
            meanColumns = new int[m];
            means = new RunningMoments[m];
            i = 0;
            for (Map.Entry<String, String> en : spec.means().entrySet()) {
                meanNames[i] = en.getKey();
                meanColumns[i] = layout.indexOf(en.getValue());
                means[i++] = new RunningMoments();
            }
        }

        @Override
        void add(double[] row) {
            double x = row[estimate];
            if (Double.isNaN(x)) {
                return;
            }
            moments.add(x);
            boolean hasCi = lower >= 0 && !Double.isNaN(row[lower]) && !Double.isNaN(row[upper]);
            for (int j = 0; j < truths.length; j++) {
                if (Double.isNaN(truths[j])) {
                    continue;
                }
                double err = x - truths[j];
                squaredErrors[j].add(err * err);
                if (hasCi) {
                    coverageN[j]++;
                    if (covers(row[lower], row[upper], truths[j])) {
                        covered[j]++;
                    }
                }
            }
            if (pValue >= 0 && !Double.isNaN(row[pValue])) {
                tested++;
                if (row[pValue] < alpha) {
                    rejected++;
                }
            }
            for (int j = 0; j < meanColumns.length; j++) {
                double v = row[meanColumns[j]];
                if (!Double.isNaN(v)) {
                    means[j].add(v);
                }
            }
        }

        @Override
        List<Measure> measures() {
            String a = spec.analysis();
            long n = moments.n();
            double s = moments.standardDeviation();
            List<Measure> out = new ArrayList<>();
            out.add(new Measure(a, MeasureNames.REPLICATIONS, "", n, Double.NaN, n));
            out.add(new Measure(a, MeasureNames.MEAN, "", moments.mean(), moments.standardErrorOfMean(), n));
            out.add(new Measure(a, MeasureNames.EMPIRICAL_SE, "", s, empiricalSeMcse(s, n), n));
            for (int j = 0; j < truths.length; j++) {
                String e = estimandNames[j];
                if (Double.isNaN(truths[j])) {
                    continue;
                }
                out.add(new Measure(a, MeasureNames.BIAS, e, moments.mean() - truths[j], moments.standardErrorOfMean(), n));
                double[] rmse = rmse(squaredErrors[j]);
                out.add(new Measure(a, MeasureNames.RMSE, e, rmse[0], rmse[1], squaredErrors[j].n()));
                if (lower >= 0) {
                    long cn = coverageN[j];
                    double p = cn == 0 ? Double.NaN : (double) covered[j] / cn;
                    out.add(new Measure(a, MeasureNames.COVERAGE, e, p, proportionMcse(p, cn), cn));
                }
            }
            if (pValue >= 0) {
                double p = tested == 0 ? Double.NaN : (double) rejected / tested;
                out.add(new Measure(a, MeasureNames.REJECTION_RATE, "", p, proportionMcse(p, tested), tested));
            }
            for (int j = 0; j < means.length; j++) {
                out.add(new Measure(a, meanNames[j], "", means[j].mean(), means[j].standardErrorOfMean(),
                    means[j].n()));
            }
            return out;
        }
    }

    /** The measure of {@link MeasureSpec.Mean}. */
    private static final class MeanAccumulator extends MeasureAccumulator {
        private final MeasureSpec.Mean spec;
        private final int column;
        private final RunningMoments moments = new RunningMoments();

        MeanAccumulator(MeasureSpec.Mean spec, RecordLayout layout) {
            this.spec = spec;
            this.column = layout.indexOf(spec.column());
        }

        @Override
        void add(double[] row) {
            if (!Double.isNaN(row[column])) {
                moments.add(row[column]);
            }
        }

        @Override
        List<Measure> measures() {
            return List.of(new Measure(spec.analysis(), spec.measure(), "", moments.mean(),
                moments.standardErrorOfMean(), moments.n()));
        }
    }

    /** The measure of {@link MeasureSpec.Rejection}. */
    private static final class RejectionAccumulator extends MeasureAccumulator {
        private final MeasureSpec.Rejection spec;
        private final int column;
        private final double alpha;
        private long n;
        private long rejected;

        RejectionAccumulator(MeasureSpec.Rejection spec, RecordLayout layout, double alpha) {
            this.spec = spec;
            this.column = layout.indexOf(spec.pValue());
            this.alpha = alpha;
        }

        @Override
        void add(double[] row) {
            double p = row[column];
            if (!Double.isNaN(p)) {
                n++;
                if (p < alpha) {
                    rejected++;
                }
            }
        }

        @Override
        List<Measure> measures() {
            double p = n == 0 ? Double.NaN : (double) rejected / n;
            return List.of(new Measure(spec.analysis(), spec.measure(), "", p, proportionMcse(p, n), n));
        }
    }
}
