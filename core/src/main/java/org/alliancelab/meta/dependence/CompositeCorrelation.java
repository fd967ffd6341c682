package org.alliancelab.meta.dependence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancelab.meta.effectsize.InvalidEffectSizeException;

/**
 * Combines the m correlations of a cluster between one variable X and m outcome measures
 * Y<sub>1..m</sub> into the correlation of X with the unit-weighted composite &Sigma;Y<sub>j</sub>,
 * given an assumed average intercorrelation &rho; of the measures, as the {@code agg} function of
 * the R package MAc (Del Re &amp; Hoyt) does:
 * r<sub>agg</sub> = &Sigma;r<sub>j</sub> / sqrt(m + m(m - 1)&rho;), and n<sub>agg</sub> = the mean
 * n rounded. This is the composite-score correlation (Hunter &amp; Schmidt 2004, ch. 10), not an
 * average: with &rho; &lt; 1 the composite correlation exceeds the mean correlation because the
 * composite is more reliable. Correlations are combined on the r scale (transform the result,
 * e.g. to Fisher z, afterwards); MAc's default &rho; is 0.5 (Wampold et al. 1997).
 *
 * <p>References: Hunter, J. E. &amp; Schmidt, F. L. (2004). <i>Methods of Meta-Analysis</i>
 * (2nd ed.), ch. 10. doi:10.4135/9781412985031; Wampold, B. E. et al. (1997), doi:10.1037/0033-2909.122.3.203
 */
public final class CompositeCorrelation {

    private CompositeCorrelation() {
    }

    /**
     * @param cluster cluster of each correlation
     * @param r correlations, in (-1, 1)
     * @param n their sample sizes
     * @param rho the assumed intercorrelation of the measures, with m + m(m - 1)&rho; &gt; 0
     *     (i.e. &rho; &gt; -1/(m - 1)) and &rho; &le; 1
     * @return one composite per cluster, in order of first appearance; a composite beyond &plusmn;1
     *     (possible when &rho; is set below the measures' actual intercorrelation) is returned as
     *     computed, so that the caller can report it
     * @throws InvalidEffectSizeException naming the input for r outside (-1, 1) or n &lt; 1
     * @throws IllegalArgumentException when lengths differ or rho is out of range for a cluster
     */
    public static List<AggregatedCorrelation> aggregate(String[] cluster, double[] r, int[] n, double rho) {
        int k = r.length;
        if (n.length != k || cluster.length != k) {
            throw new IllegalArgumentException("cluster, r and n must have the same length");
        }
        if (!(rho <= 1)) {
            throw new IllegalArgumentException("rho must be at most 1: " + rho);
        }
        for (int i = 0; i < k; i++) {
            if (!(r[i] > -1 && r[i] < 1)) {
                throw new InvalidEffectSizeException(i, "r", "correlation " + r[i] + " is not in (-1, 1)");
            }
            if (n[i] < 1) {
                throw new InvalidEffectSizeException(i, "n", "sample size must be positive");
            }
        }
        List<AggregatedCorrelation> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : Clusters.byFirstAppearance(cluster).entrySet()) {
            List<Integer> idx = e.getValue();
            int m = idx.size();
            double denominator = m + m * (m - 1.0) * rho;
            if (!(denominator > 0)) {
                throw new IllegalArgumentException("rho = " + rho + " is too small for cluster '" + e.getKey()
                    + "' with " + m + " correlations");
            }
            double sr = 0;
            double sn = 0;
            for (int i : idx) {
                sr += r[i];
                sn += n[i];
            }
            out.add(new AggregatedCorrelation(e.getKey(), sr / Math.sqrt(denominator), (int) Math.rint(sn / m), m));
        }
        return List.copyOf(out);
    }
}
