package org.alliancelab.simulate.montecarlo;

/**
 * Streaming mean and sum of squared deviations by Welford's update, so that memory does not
 * grow with the number of replications: with d = x - mean, mean += d / n,
 * m2 += d (x - mean). Values must be added in a fixed order for bit-identical results (the
 * runner adds them in replication order).
 *
 * <p>Welford, B. P. (1962). Note on a method for calculating corrected sums of squares and
 * products. Technometrics 4(3), 419-420. doi:10.1080/00401706.1962.10490022
 */
final class RunningMoments {
    private long n;
    private double mean;
    private double m2;

    /** @param x a finite value to add */
    void add(double x) {
        n++;
        double d = x - mean;
        mean += d / n;
        m2 += d * (x - mean);
    }

    /** @return number of values added */
    long n() {
        return n;
    }

    /** @return the mean, NaN when empty */
    double mean() {
        return n == 0 ? Double.NaN : mean;
    }

    /** @return the sample variance with divisor n - 1, NaN when n &lt; 2 */
    double variance() {
        return n < 2 ? Double.NaN : m2 / (n - 1);
    }

    /** @return the sample standard deviation, NaN when n &lt; 2 */
    double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** @return the standard error of the mean, sd / sqrt(n), NaN when n &lt; 2 */
    double standardErrorOfMean() {
        return Math.sqrt(variance() / n);
    }
}
