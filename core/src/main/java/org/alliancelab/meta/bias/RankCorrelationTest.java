package org.alliancelab.meta.bias;

import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import org.alliancelab.meta.internal.EffectSizeChecks;
import org.alliancelab.meta.internal.TailProbabilities;

/**
 * Begg and Mazumdar's rank correlation test for funnel-plot asymmetry, as metafor's
 * {@code ranktest}: with the common-effect estimate &theta;&#x0302; = &Sigma;w<sub>i</sub>y<sub>i</sub>/&Sigma;w<sub>i</sub>
 * (w<sub>i</sub> = 1/v<sub>i</sub>) and its variance v<sub>b</sub> = 1/&Sigma;w<sub>i</sub>, the
 * standardized deviates y*<sub>i</sub> = (y<sub>i</sub> - &theta;&#x0302;)/sqrt(v<sub>i</sub> -
 * v<sub>b</sub>) are correlated with v<sub>i</sub> by Kendall's tau-b, as R's
 * {@code cor.test(method = "kendall", exact = TRUE)}: when neither variable has ties the
 * two-sided p-value is exact, min(1, 2 P(T &le; q)) or min(1, 2 P(T &ge; q)) for the number of
 * concordant pairs q under the permutation distribution (computed in O(k<sup>3</sup>) time,
 * O(k<sup>2</sup>) memory, for k up to 1000; beyond that, where R would take minutes, the normal
 * approximation is used); with ties it is the normal approximation
 * z = S/sqrt(Var S) with Kendall's ties-corrected variance and no continuity correction.
 * Kendall's tau itself takes O(k log k) time ({@link #kendallS}).
 *
 * <p>References: Begg, C. B. &amp; Mazumdar, M. (1994). Operating characteristics of a rank
 * correlation test for publication bias. <i>Biometrics</i>, 50, 1088-1101. doi:10.2307/2533446;
 * Kendall, M. G. (1970). <i>Rank Correlation Methods</i> (4th ed.), ch. 4.
 */
public final class RankCorrelationTest {

    /** Beyond this many studies the exact distribution (O(k^3)) gives way to the normal approximation. */
    static final int EXACT_LIMIT = 1000;

    private RankCorrelationTest() {
    }

    /**
     * @param yi effect sizes
     * @param vi sampling variances
     * @return Kendall's tau and the p-value
     * @throws InvalidEffectSizeException naming the study for a non-finite effect size or a
     *     non-positive variance
     * @throws IllegalArgumentException for fewer than 3 studies or different lengths
     */
    public static RankCorrelationResult test(double[] yi, double[] vi) {
        int k = yi.length;
        if (vi.length != k) {
            throw new IllegalArgumentException("yi and vi differ in length");
        }
        if (k < 3) {
            throw new IllegalArgumentException("the rank correlation test needs at least 3 studies, got " + k);
        }
        EffectSizeChecks.requireValid(yi, vi);
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < k; i++) {
            sw += 1 / vi[i];
            swy += yi[i] / vi[i];
        }
        double theta = swy / sw;
        double vb = 1 / sw;
        double[] ystar = new double[k];
        for (int i = 0; i < k; i++) {
            ystar[i] = (yi[i] - theta) / Math.sqrt(vi[i] - vb);
        }
        return kendall(ystar, vi);
    }

    /** Kendall's tau-b and cor.test's two-sided p-value (exact without ties). */
    static RankCorrelationResult kendall(double[] x, double[] y) {
        int n = x.length;
        long s = kendallS(x, y);
        Ties tx = ties(x);
        Ties ty = ties(y);
        double t0 = n * (n - 1.0) / 2;
        double tau = s / Math.sqrt((t0 - tx.pairs) * (t0 - ty.pairs));
        if (tx.pairs == 0 && ty.pairs == 0 && n <= EXACT_LIMIT) {
            // concordant pairs q = (S + T0)/2, as R's round((tau + 1) n (n - 1)/4)
            long q = Math.round((tau + 1) * n * (n - 1) / 4);
            double[] cdf = inversionCdf(n);
            double p = q > n * (n - 1) / 4.0 ? 1 - at(cdf, q - 1) : at(cdf, q);
            return new RankCorrelationResult(tau, Math.min(2 * p, 1), true);
        }
        double v0 = n * (n - 1.0) * (2.0 * n + 5);
        double varS = (v0 - tx.v2n5 - ty.v2n5) / 18
            + tx.tt1 * ty.tt1 / (2.0 * n * (n - 1))
            + tx.tt12 * ty.tt12 / (9.0 * n * (n - 1) * (n - 2));
        double z = s / Math.sqrt(varS);
        return new RankCorrelationResult(tau, TailProbabilities.normalTwoSided(z), false);
    }

    /**
     * Kendall's S = concordant - discordant pairs in O(n log n) time (Knight 1966, JASA 61,
     * 436-439, doi:10.1080/01621459.1966.10480879): sort by x, ties by y; the discordant pairs
     * are then the inversions D of the y sequence, counted by merge sort, and
     * S = n<sub>0</sub> - n<sub>x</sub> - n<sub>y</sub> + n<sub>xy</sub> - 2D with n<sub>0</sub>
     * = n(n - 1)/2 and n<sub>x</sub>, n<sub>y</sub>, n<sub>xy</sub> the pairs tied in x, in y
     * and in both. Values are compared as numbers (-0.0 equals 0.0).
     */
    static long kendallS(double[] x, double[] y) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // + 0.0 turns -0.0 into 0.0, so that Double.compare orders as the numbers compare
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(x[a] + 0.0, x[b] + 0.0);
            return c != 0 ? c : Double.compare(y[a] + 0.0, y[b] + 0.0);
        });
        double[] ys = new double[n];
        long tiedX = 0;
        long tiedXY = 0;
        long runX = 1;
        long runXY = 1;
        for (int i = 0; i < n; i++) {
            ys[i] = y[order[i]] + 0.0;
            if (i > 0) {
                boolean sameX = x[order[i]] == x[order[i - 1]];
                runX = sameX ? runX + 1 : 1;
                runXY = sameX && ys[i] == ys[i - 1] ? runXY + 1 : 1;
                tiedX += runX - 1;
                tiedXY += runXY - 1;
            }
        }
        long discordant = inversions(ys, new double[n], 0, n);
        long tiedY = 0;
        long runY = 1;
        for (int i = 1; i < n; i++) {
            // ys is sorted now
            runY = ys[i] == ys[i - 1] ? runY + 1 : 1;
            tiedY += runY - 1;
        }
        long pairs = (long) n * (n - 1) / 2;
        return pairs - tiedX - tiedY + tiedXY - 2 * discordant;
    }

    /** Sorts a[from, to) and returns its number of strict inversions (i &lt; j, a[i] &gt; a[j]). */
    private static long inversions(double[] a, double[] scratch, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int mid = (from + to) >>> 1;
        long count = inversions(a, scratch, from, mid) + inversions(a, scratch, mid, to);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            if (a[j] < a[i]) {
                count += mid - i; // a[j] is below every remaining element of the left half
                scratch[k++] = a[j++];
            } else {
                scratch[k++] = a[i++];
            }
        }
        while (i < mid) {
            scratch[k++] = a[i++];
        }
        while (j < to) {
            scratch[k++] = a[j++];
        }
        System.arraycopy(scratch, from, a, from, to - from);
        return count;
    }

    private static double at(double[] cdf, long q) {
        if (q < 0) {
            return 0;
        }
        if (q >= cdf.length) {
            return 1;
        }
        return cdf[(int) q];
    }

    /**
     * Distribution function of the number of inversions of a random permutation of n items
     * (Kendall's statistic under independence), by the recursion
     * f<sub>m</sub>(j) = (1/m) &Sigma;<sub>i=0</sub><sup>m-1</sup> f<sub>m-1</sub>(j - i) with running
     * sums; probabilities rather than counts, so nothing overflows.
     */
    static double[] inversionCdf(int n) {
        int max = n * (n - 1) / 2;
        double[] f = new double[max + 1];
        double[] g = new double[max + 1];
        f[0] = 1;
        int top = 0;
        for (int m = 2; m <= n; m++) {
            int newTop = top + m - 1;
            double run = 0;
            for (int j = 0; j <= newTop; j++) {
                run += j <= top ? f[j] : 0;
                if (j - m >= 0) {
                    run -= f[j - m];
                }
                g[j] = run / m;
            }
            double[] t = f;
            f = g;
            g = t;
            top = newTop;
        }
        double c = 0;
        for (int j = 0; j <= max; j++) {
            c += f[j];
            f[j] = c;
        }
        return f;
    }

    /** Tie group sums of t(t-1)/2, t(t-1)(2t+5), t(t-1), t(t-1)(t-2) over groups of size t. */
    private record Ties(double pairs, double v2n5, double tt1, double tt12) {
    }

    private static Ties ties(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        double pairs = 0;
        double v2n5 = 0;
        double tt1 = 0;
        double tt12 = 0;
        int i = 0;
        while (i < s.length) {
            int j = i;
            while (j + 1 < s.length && s[j + 1] == s[i]) {
                j++;
            }
            double t = j - i + 1;
            if (t > 1) {
                pairs += t * (t - 1) / 2;
                v2n5 += t * (t - 1) * (2 * t + 5);
                tt1 += t * (t - 1);
                tt12 += t * (t - 1) * (t - 2);
            }
            i = j + 1;
        }
        return new Ties(pairs, v2n5, tt1, tt12);
    }
}
