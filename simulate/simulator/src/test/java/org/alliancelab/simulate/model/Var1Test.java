package org.alliancelab.simulate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The stationary covariance of a bivariate VAR(1) (discrete Lyapunov equation) and its stationarity check. */
class Var1Test {

    @Test
    void diagonalProcessHasTheHandSolution() {
        // A = diag(a, b), S = [[1, s], [s, 2]]: g11 = 1/(1-a^2), g12 = s/(1-ab), g22 = 2/(1-b^2)
        double a = 0.6;
        double b = -0.3;
        double s = 0.25;
        double[] g = Var1.of(a, 0, 0, b, 1, s, 2).stationaryCovariance();
        assertEquals(1 / (1 - a * a), g[0], 1e-14);
        assertEquals(s / (1 - a * b), g[1], 1e-14);
        assertEquals(2 / (1 - b * b), g[2], 1e-14);
    }

    @Test
    void triangularProcessHasTheHandSolution() {
        // x_t = a x + u; y_t = c x + e (a22 = 0), S = I: g11 = 1/(1-a^2), g12 = a c g11, g22 = c^2 g11 + 1
        double a = 0.5;
        double c = 0.4;
        double[] g = Var1.of(a, 0, c, 0, 1, 0, 1).stationaryCovariance();
        double g11 = 1 / (1 - a * a);
        assertEquals(g11, g[0], 1e-14);
        assertEquals(a * c * g11, g[1], 1e-14);
        assertEquals(c * c * g11 + 1, g[2], 1e-14);
    }

    @Test
    void generalSolutionSatisfiesTheLyapunovEquation() {
        Var1 v = Var1.of(0.4, 0.15, 0.2, 0.3, 1, 0.1, 0.8);
        double[] g = v.stationaryCovariance();
        double[][] a = {{v.a11(), v.a12()}, {v.a21(), v.a22()}};
        double[][] gm = {{g[0], g[1]}, {g[1], g[2]}};
        double[][] s = {{1, 0.1}, {0.1, 0.8}};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double agat = 0;
                for (int k = 0; k < 2; k++) {
                    for (int l = 0; l < 2; l++) {
                        agat += a[i][k] * gm[k][l] * a[j][l];
                    }
                }
                assertEquals(gm[i][j], agat + s[i][j], 1e-14);
            }
        }
        double[] lag1 = v.autocovariance(1);
        assertEquals(v.a21() * g[0] + v.a22() * g[1], lag1[2], 1e-15, "Cov(y_t+1, x_t)");
    }

    @Test
    void spectralRadiusOfRealAndComplexEigenvalues() {
        assertEquals(1.2, Var1.of(0.9, 0.3, 0.3, 0.9, 1, 0, 1).spectralRadius(), 1e-14);
        assertEquals(Math.sqrt(0.25 + 0.36), Var1.of(0.5, -0.6, 0.6, 0.5, 1, 0, 1).spectralRadius(), 1e-14);
        assertTrue(Var1.of(0.5, -0.6, 0.6, 0.5, 1, 0, 1).stationary());
        Var1 explosive = Var1.of(0.9, 0.3, 0.3, 0.9, 1, 0, 1);
        assertFalse(explosive.stationary());
        assertThrows(IllegalStateException.class, explosive::stationaryCovariance);
    }
}
