package org.alliancelab.simulate.model;

/**
 * Gauss–Legendre rules on [-1, 1]: nodes {@code x_i} and weights {@code w_i} with
 * {@code sum_i w_i f(x_i) = int_{-1}^{1} f}, exact for polynomials of degree up to
 * {@code 2m - 1}. The nodes are the roots of the Legendre polynomial {@code P_m}, found by
 * Newton's method from the Chebyshev-like starting values {@code cos(pi (i + 3/4) / (m + 1/2))}
 * on the three-term recurrence; {@code w_i = 2 / ((1 - x_i^2) P_m'(x_i)^2)} (Press et al.,
 * Numerical Recipes, 3rd ed., 2007, sec. 4.6).
 */
final class GaussLegendre {
    private static final int MAX_NEWTON = 100;

    final double[] nodes;
    final double[] weights;

    private GaussLegendre(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * @param m number of nodes, 1 to 500
     * @return the m-point rule, nodes in increasing order
     */
    static GaussLegendre of(int m) {
        if (m < 1 || m > 500) {
            throw new IllegalArgumentException("Gauss-Legendre rule with " + m + " nodes");
        }
        double[] x = new double[m];
        double[] w = new double[m];
        for (int i = 0; i < (m + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
            double derivative = 0;
            for (int it = 0; it < MAX_NEWTON; it++) {
                double p1 = 1;
                double p2 = 0;
                for (int j = 1; j <= m; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2.0 * j - 1) * z * p2 - (j - 1.0) * p3) / j;
                }
                derivative = m * (z * p1 - p2) / (z * z - 1);
                double step = p1 / derivative;
                z -= step;
                if (Math.abs(step) <= 1e-16) {
                    break;
                }
            }
            x[i] = -z;
            x[m - 1 - i] = z;
            w[i] = 2 / ((1 - z * z) * derivative * derivative);
            w[m - 1 - i] = w[i];
        }
        return new GaussLegendre(x, w);
    }
}
