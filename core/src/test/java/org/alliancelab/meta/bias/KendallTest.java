package org.alliancelab.meta.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Kendall's S by Knight's O(n log n) algorithm equals the definition, the O(n<sup>2</sup>) sum of
 * sign(x<sub>i</sub> - x<sub>j</sub>) sign(y<sub>i</sub> - y<sub>j</sub>) over pairs (kept only
 * here, as the oracle), on random data with and without ties in either variable, with
 * -0.0 and 0.0 (equal as numbers), and on the extremes (all tied, perfectly ordered, reversed).
 */
class KendallTest {

    static long definition(double[] x, double[] y) {
        long s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                s += (long) Math.signum(x[i] - x[j]) * (long) Math.signum(y[i] - y[j]);
            }
        }
        return s;
    }

    @Test
    void knightEqualsTheDefinitionWithAndWithoutTies() {
        SplittableRandom random = new SplittableRandom(1966);
        int checked = 0;
        for (int n : new int[] {2, 3, 5, 17, 100, 1001, 3000}) {
            for (int levelsX : new int[] {2, 5, 0}) {
                for (int levelsY : new int[] {3, 0}) {
                    double[] x = new double[n];
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        // 0 levels: continuous (no ties); else that many values, with -0.0 among them
                        x[i] = levelsX == 0 ? random.nextGaussian() : random.nextInt(levelsX) - levelsX / 2 + 0.0;
                        y[i] = levelsY == 0 ? random.nextGaussian() + 0.3 * x[i] : (random.nextInt(levelsY) == 0 ? -0.0
                            : random.nextInt(levelsY) * 0.5);
                    }
                    assertEquals(definition(x, y), RankCorrelationTest.kendallS(x, y), "n " + n + ", levels "
                        + levelsX + "/" + levelsY);
                    checked++;
                }
            }
        }
        assertEquals(42, checked);
    }

    @Test
    void extremes() {
        int n = 500;
        double[] up = new double[n];
        double[] down = new double[n];
        double[] flat = new double[n];
        for (int i = 0; i < n; i++) {
            up[i] = i;
            down[i] = -i;
        }
        long pairs = (long) n * (n - 1) / 2;
        assertEquals(pairs, RankCorrelationTest.kendallS(up, up));
        assertEquals(-pairs, RankCorrelationTest.kendallS(up, down));
        assertEquals(0, RankCorrelationTest.kendallS(up, flat));
        assertEquals(0, RankCorrelationTest.kendallS(flat, flat));
    }
}
