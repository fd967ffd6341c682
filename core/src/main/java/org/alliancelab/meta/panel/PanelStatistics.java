package org.alliancelab.meta.panel;

import java.util.Arrays;

/**
 * The sufficient statistics of the lagged regressions of a balanced panel: n persons, each
 * observed at T sessions, give m = T - 1 lagged rows r_it = (x_it, y_it, y_i,t+1), t = 1..m.
 * With rbar_i the person's mean row and rbar the grand mean,
 * <pre>
 *   within  W = sum_i sum_t (r_it - rbar_i)(r_it - rbar_i)'
 *   between B = sum_i (rbar_i - rbar)(rbar_i - rbar)'
 * </pre>
 * (3 x 3, row-major, order x, y, y_next). The pooled (total) cross-products about the grand
 * mean are W + m B. Person-mean centring is over the lagged rows, so that the centred
 * predictors sum to zero within every person (what makes the mixed model's slopes the within
 * estimator, {@link WithinPersonLaggedModel}).
 */
public final class PanelStatistics {
    /** Number of variables of a lagged row: x_t, y_t, y_t+1. */
    static final int VARIABLES = 3;

    private final int persons;
    private final int rows;
    private final double[] means;
    private final double[] within;
    private final double[] between;

    private PanelStatistics(int persons, int rows, double[] means, double[] within, double[] between) {
        this.persons = persons;
        this.rows = rows;
        this.means = means;
        this.within = within;
        this.between = between;
    }

    /**
     * @param persons number of persons n (at least 2)
     * @param rowsPerPerson lagged rows per person m = T - 1 (at least 2)
     * @param means grand means of x_t, y_t, y_t+1 over the lagged rows
     * @param within W, 3 x 3 row-major
     * @param between B, 3 x 3 row-major
     * @return the statistics (the arrays are copied)
     * @throws IllegalArgumentException when a count is too small, an array has the wrong length,
     *     a value is not finite or a diagonal element is negative
     */
    public static PanelStatistics of(int persons, int rowsPerPerson, double[] means, double[] within,
                                     double[] between) {
        if (persons < 2) {
            throw new IllegalArgumentException("at least 2 persons are needed, got " + persons);
        }
        if (rowsPerPerson < 2) {
            throw new IllegalArgumentException("at least 2 lagged rows (3 sessions) per person are needed, got "
                + rowsPerPerson);
        }
        check("means", means, VARIABLES);
        check("within", within, VARIABLES * VARIABLES);
        check("between", between, VARIABLES * VARIABLES);
        for (int a = 0; a < VARIABLES; a++) {
            if (within[a * VARIABLES + a] < 0 || between[a * VARIABLES + a] < 0) {
                throw new IllegalArgumentException("cross-products must have a non-negative diagonal");
            }
        }
        return new PanelStatistics(persons, rowsPerPerson, means.clone(), within.clone(), between.clone());
    }

    private static void check(String name, double[] a, int length) {
        if (a.length != length) {
            throw new IllegalArgumentException(name + " must have " + length + " entries, got " + a.length);
        }
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " must be finite, got " + v);
            }
        }
    }

    /**
     * Computes the statistics of a panel (two passes: means, then centred cross-products).
     *
     * @param x exposure, persons x sessions (all rows of the same length T &gt;= 3)
     * @param y outcome, persons x sessions
     * @return the statistics
     * @throws IllegalArgumentException when the panel is unbalanced, too small or not finite
     */
    public static PanelStatistics fromSessions(double[][] x, double[][] y) {
        int n = x.length;
        if (y.length != n || n < 2) {
            throw new IllegalArgumentException("x and y must hold the same persons, at least 2");
        }
        int sessions = x[0].length;
        int m = sessions - 1;
        double[][] personMean = new double[n][VARIABLES];
        double[] grand = new double[VARIABLES];
        for (int i = 0; i < n; i++) {
            if (x[i].length != sessions || y[i].length != sessions) {
                throw new IllegalArgumentException("unbalanced panel: person " + i + " has "
                    + x[i].length + " and " + y[i].length + " sessions, expected " + sessions);
            }
            for (int t = 0; t < m; t++) {
                personMean[i][0] += x[i][t];
                personMean[i][1] += y[i][t];
                personMean[i][2] += y[i][t + 1];
            }
            for (int a = 0; a < VARIABLES; a++) {
                personMean[i][a] /= m;
                grand[a] += personMean[i][a] / n;
            }
        }
        double[] w = new double[VARIABLES * VARIABLES];
        double[] b = new double[VARIABLES * VARIABLES];
        double[] d = new double[VARIABLES];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < m; t++) {
                d[0] = x[i][t] - personMean[i][0];
                d[1] = y[i][t] - personMean[i][1];
                d[2] = y[i][t + 1] - personMean[i][2];
                addOuter(w, d);
            }
            for (int a = 0; a < VARIABLES; a++) {
                d[a] = personMean[i][a] - grand[a];
            }
            addOuter(b, d);
        }
        return of(n, m, grand, w, b);
    }

    private static void addOuter(double[] s, double[] d) {
        for (int a = 0; a < VARIABLES; a++) {
            for (int c = 0; c < VARIABLES; c++) {
                s[a * VARIABLES + c] += d[a] * d[c];
            }
        }
    }

    /** @return number of persons n */
    public int persons() {
        return persons;
    }

    /** @return lagged rows per person m = T - 1 */
    public int rowsPerPerson() {
        return rows;
    }

    /** @return grand means of x_t, y_t, y_t+1 (a copy) */
    public double[] means() {
        return means.clone();
    }

    /** @return W, 3 x 3 row-major (a copy) */
    public double[] within() {
        return within.clone();
    }

    /** @return B, 3 x 3 row-major (a copy) */
    public double[] between() {
        return between.clone();
    }

    double withinAt(int a, int b) {
        return within[a * VARIABLES + b];
    }

    double betweenAt(int a, int b) {
        return between[a * VARIABLES + b];
    }

    double meanAt(int a) {
        return means[a];
    }

    @Override
    public String toString() {
        return "PanelStatistics[persons=" + persons + ", rows=" + rows + ", means=" + Arrays.toString(means) + "]";
    }
}
