package org.alliancelab.simulate.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Levenberg–Marquardt solver on problems with solutions known by hand. */
class BoundedLeastSquaresTest {

    /** Rosenbrock's valley as residuals (10 (y - x^2), 1 - x): the root (1, 1), from (-1.2, 1). */
    @Test
    void squareSystemFromAFarStart() {
        BoundedLeastSquares.Solution s = BoundedLeastSquares.of(
            x -> new double[] {10 * (x[1] - x[0] * x[0]), 1 - x[0]},
            new double[] {-5, -5}, new double[] {5, 5}).solve(new double[] {-1.2, 1});
        assertArrayEquals(new double[] {1, 1}, s.x(), 1e-9);
        assertTrue(s.converged());
    }

    /**
     * A straight line through (0, 1), (1, 2), (2, 4): three residuals a + b t - y, two
     * parameters; the normal equations give b = 1.5, a = 7/3 - 1.5 = 5/6.
     */
    @Test
    void overdeterminedIsLeastSquares() {
        double[] t = {0, 1, 2};
        double[] y = {1, 2, 4};
        BoundedLeastSquares.Solution s = BoundedLeastSquares.of(p -> {
            double[] r = new double[3];
            for (int i = 0; i < 3; i++) {
                r[i] = p[0] + p[1] * t[i] - y[i];
            }
            return r;
        }, new double[] {-10, -10}, new double[] {10, 10}).solve(new double[] {0, 0});
        assertArrayEquals(new double[] {5.0 / 6, 1.5}, s.x(), 1e-9);
        assertEquals(1.0 / 6, s.sumOfSquares(), 1e-12); // residuals 1/6, -1/3, 1/6
    }

    /** (x - 2, y - 3) in [0, 1] x [0, 5]: x stops at its bound 1, y reaches 3. */
    @Test
    void aBoundHoldsAParameter() {
        BoundedLeastSquares.Solution s = BoundedLeastSquares.of(x -> new double[] {x[0] - 2, x[1] - 3},
            new double[] {0, 0}, new double[] {1, 5}).solve(new double[] {0.5, 0.5});
        assertEquals(1, s.x()[0], 0.0, "on the bound exactly");
        assertEquals(3, s.x()[1], 1e-9);
        assertEquals(-1, s.residuals()[0], 0.0);
    }

    /** Where the function is undefined (x > .5 throws), the search stays in the defined part. */
    @Test
    void undefinedPointsAreFailedTrials() {
        BoundedLeastSquares.Solution s = BoundedLeastSquares.of(x -> {
            if (x[0] > 0.5) {
                throw new IllegalArgumentException("undefined");
            }
            return new double[] {x[0] - 0.4};
        }, new double[] {0}, new double[] {1}).solve(new double[] {0});
        assertEquals(0.4, s.x()[0], 1e-12);
    }
}
