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
     * Computes the statistics of a panel ({@link Accumulator}, person by person).
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
        Accumulator a = Accumulator.of(x[0].length);
        for (int i = 0; i < n; i++) {
            if (x[i].length != a.sessions || y[i].length != a.sessions) {
                throw new IllegalArgumentException("unbalanced panel: person " + i + " has "
                    + x[i].length + " and " + y[i].length + " sessions, expected " + a.sessions);
            }
            a.add(x[i], y[i]);
        }
        return a.statistics();
    }

    /**
     * Accumulates the statistics of a balanced panel one person at a time: W from each person's
     * rows about the person's mean row (two passes over the person's sessions), B from the mean
     * rows by Welford's update (Welford 1962, doi:10.1080/00401706.1962.10490022), so that a
     * large common level costs no precision. Reusable ({@link #clear()}); allocation-free after
     * construction; not thread-safe.
     */
    public static final class Accumulator {
        private final int sessions;
        private final int rows;
        private final double[] mean = new double[VARIABLES];
        private final double[] within = new double[VARIABLES * VARIABLES];
        private final double[] between = new double[VARIABLES * VARIABLES];
        private final double[] personMean = new double[VARIABLES];
        private final double[] d = new double[VARIABLES];
        private int persons;

        private Accumulator(int sessions) {
            this.sessions = sessions;
            this.rows = sessions - 1;
        }

        /**
         * @param sessions sessions per person T, at least 3
         * @return an empty accumulator
         * @throws IllegalArgumentException when T &lt; 3
         */
        public static Accumulator of(int sessions) {
            if (sessions < 3) {
                throw new IllegalArgumentException("at least 3 sessions per person are needed, got " + sessions);
            }
            return new Accumulator(sessions);
        }

        /**
         * Adds one person.
         *
         * @param x the person's exposure at the sessions (the first T entries are read)
         * @param y the person's outcome at the sessions
         */
        public void add(double[] x, double[] y) {
            int m = rows;
            double px = 0;
            double py = 0;
            double pn = 0;
            for (int t = 0; t < m; t++) {
                px += x[t];
                py += y[t];
                pn += y[t + 1];
            }
            personMean[0] = px / m;
            personMean[1] = py / m;
            personMean[2] = pn / m;
            for (int t = 0; t < m; t++) {
                d[0] = x[t] - personMean[0];
                d[1] = y[t] - personMean[1];
                d[2] = y[t + 1] - personMean[2];
                addOuter(within, d, d);
            }
            persons++;
            for (int a = 0; a < VARIABLES; a++) {
                d[a] = personMean[a] - mean[a];
                mean[a] += d[a] / persons;
                personMean[a] -= mean[a];
            }
            addOuter(between, d, personMean);
        }

        private static void addOuter(double[] s, double[] u, double[] v) {
            for (int a = 0; a < VARIABLES; a++) {
                for (int c = 0; c < VARIABLES; c++) {
                    s[a * VARIABLES + c] += u[a] * v[c];
                }
            }
        }

        /**
         * Writes the statistics so far into {@code out}: the 3 grand means, W and B (row-major),
         * 21 values, without allocating.
         *
         * @param out at least 21 entries
         */
        public void writeTo(double[] out) {
            System.arraycopy(mean, 0, out, 0, VARIABLES);
            System.arraycopy(within, 0, out, VARIABLES, VARIABLES * VARIABLES);
            for (int a = 0; a < VARIABLES; a++) {
                for (int c = 0; c < VARIABLES; c++) {
                    // Welford's cross term is exact only up to rounding asymmetry: symmetrize
                    out[VARIABLES + VARIABLES * VARIABLES + a * VARIABLES + c] =
                        0.5 * (between[a * VARIABLES + c] + between[c * VARIABLES + a]);
                }
            }
        }

        /**
         * @return the statistics of the persons added
         * @throws IllegalArgumentException when fewer than 2 persons were added
         */
        public PanelStatistics statistics() {
            double[] out = new double[VARIABLES + 2 * VARIABLES * VARIABLES];
            writeTo(out);
            return PanelStatistics.of(persons, rows, java.util.Arrays.copyOfRange(out, 0, VARIABLES),
                java.util.Arrays.copyOfRange(out, VARIABLES, VARIABLES + VARIABLES * VARIABLES),
                java.util.Arrays.copyOfRange(out, VARIABLES + VARIABLES * VARIABLES, out.length));
        }

        /** Forgets every person added. */
        public void clear() {
            persons = 0;
            java.util.Arrays.fill(mean, 0);
            java.util.Arrays.fill(within, 0);
            java.util.Arrays.fill(between, 0);
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
