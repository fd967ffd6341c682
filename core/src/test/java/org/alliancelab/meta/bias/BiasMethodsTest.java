package org.alliancelab.meta.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import org.alliancelab.meta.golden.GoldenCases;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.api.Test;

class BiasMethodsTest {

    /** Number of inversions of every permutation of n items, counted by brute force. */
    private static long[] inversionCounts(int n) {
        long[] counts = new long[n * (n - 1) / 2 + 1];
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        permute(a, 0, counts);
        return counts;
    }

    private static void permute(int[] a, int from, long[] counts) {
        if (from == a.length) {
            int inv = 0;
            for (int i = 0; i < a.length; i++) {
                for (int j = i + 1; j < a.length; j++) {
                    inv += a[i] > a[j] ? 1 : 0;
                }
            }
            counts[inv]++;
            return;
        }
        for (int i = from; i < a.length; i++) {
            int t = a[from];
            a[from] = a[i];
            a[i] = t;
            permute(a, from + 1, counts);
            a[i] = a[from];
            a[from] = t;
        }
    }

    @Test
    void exactKendallDistributionMatchesEnumeration() {
        for (int n = 2; n <= 7; n++) {
            long[] counts = inversionCounts(n);
            double total = 0;
            for (long c : counts) {
                total += c;
            }
            double[] cdf = RankCorrelationTest.inversionCdf(n);
            double run = 0;
            for (int q = 0; q < counts.length; q++) {
                run += counts[q];
                assertEquals(run / total, cdf[q], 1e-14, "n=" + n + " q=" + q);
            }
        }
    }

    @Test
    void kendallTauAndExactPValueForASmallSample() {
        // x and y agree in 9 of 10 pairs: S = 8, tau = 0.8; concordant pairs q = 9;
        // P(T >= 9) for n = 5 is (4 + 1)/120 (inversion counts 1, 4 at 0, 1), p = 2 * 5/120
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {1, 3, 2, 4, 5};
        RankCorrelationResult r = RankCorrelationTest.kendall(x, y);
        assertEquals(0.8, r.tau(), 1e-15);
        assertEquals(10.0 / 120, r.pValue(), 1e-15);
        assertTrue(r.exact());
    }

    @Test
    void trimAndFillIsMirrorSymmetric() {
        // negating all effects must flip the side and negate the estimate, with the same k0
        GoldenCases g = GoldenCases.load("cohen1981.json");
        double[] y = g.yi("ZCOR");
        double[] v = g.vi("ZCOR");
        double[] neg = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            neg[i] = -y[i];
        }
        TrimAndFill tf = TrimAndFill.of(RandomEffectsModel.of(TauSquaredEstimator.REML));
        TrimAndFillResult a = tf.fit(y, v);
        TrimAndFillResult b = tf.fit(neg, v);
        assertTrue(a.k0() > 0);
        assertEquals(a.k0(), b.k0());
        assertEquals(FunnelSide.LEFT, a.side());
        assertEquals(FunnelSide.RIGHT, b.side());
        assertEquals(-a.filled().estimate(), b.filled().estimate(), 1e-12);
        assertEquals(a.filled().k(), y.length + a.k0());
        // every filled effect lies below the pooled estimate of the trimmed data on the left side
        for (double f : a.filledYi()) {
            assertTrue(f < a.filled().estimate() + 1e-9 || a.k0() == 0);
        }
        TrimAndFillResult forced = tf.withSide(FunnelSide.RIGHT).fit(y, v);
        assertEquals(FunnelSide.RIGHT, forced.side());
    }

    @Test
    void orwinFailSafeN() {
        double[] y = {0.2, 0.4, 0.6};
        // mean 0.4, target 0.1: N = 3 (0.4 - 0.1)/0.1 = 9
        assertEquals(9, FailSafeN.orwin(y, 0.1).number());
        assertEquals(9, FailSafeN.orwin(y, -0.1).number());
        // default target mean/2 gives N = k
        assertEquals(3, FailSafeN.orwin(y).number());
        assertEquals(0.2, FailSafeN.orwin(y).target(), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, FailSafeN.orwin(y, 0).number());
        // non-integer results round up: mean 0.4, target 0.15: 3 * 0.25/0.15 = 5
        assertEquals(5, FailSafeN.orwin(y, 0.15).number());
        assertEquals(7, FailSafeN.orwin(y, 0.13).number()); // 3 * 0.27/0.13 = 6.23
    }

    @Test
    void rosenthalFailSafeNByHand() {
        // z = 2, 2, 2: Stouffer z = 6/sqrt(3) = 3.4641; N = 3 (3.4641/1.6449)^2 - 3 = 10.305 -> 11
        double[] y = {0.2, 0.4, 0.6};
        double[] v = {0.01, 0.04, 0.09};
        FailSafeResult r = FailSafeN.rosenthal(y, v);
        assertEquals(11, r.number());
        assertEquals(2.660027525696246e-4, r.pValue(), 1e-15); // scipy.stats.norm.sf(6 / sqrt(3))
        assertThrows(InvalidEffectSizeException.class, () -> FailSafeN.rosenthal(y, new double[] {0.01, 0, 0.1}));
        assertThrows(IllegalArgumentException.class, () -> FailSafeN.rosenthal(y, v, 1.5));
    }

    @Test
    void rankTestNeedsThreeStudies() {
        assertThrows(IllegalArgumentException.class,
            () -> RankCorrelationTest.test(new double[] {0.1, 0.2}, new double[] {0.01, 0.02}));
    }
}
