package org.alliancelab.meta.regression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * The k &times; p model matrix of a meta-regression: an intercept column followed by the
 * moderators in the order they were added. A continuous moderator gives one column named as
 * the moderator; a categorical moderator with L levels gives L - 1 dummy (0/1) columns, the
 * first level in sorted order being the reference (R's default treatment contrasts), named
 * {@code factor(name)level} as metafor prints them for {@code mods = ~ factor(name)}. The
 * intercept is named {@code intrcpt}. Levels are sorted by {@link String#compareTo}
 * (code-point order, R's order in the C locale).
 *
 * <p>Immutable; stored row-major.
 */
public final class DesignMatrix {

    /** Name of the intercept column, as metafor prints it. */
    public static final String INTERCEPT = "intrcpt";

    private final int k;
    private final int p;
    private final double[] x;
    private final List<String> names;

    private DesignMatrix(int k, int p, double[] x, List<String> names) {
        this.k = k;
        this.p = p;
        this.x = x;
        this.names = names;
    }

    /**
     * @param k number of studies
     * @return the intercept-only design (a column of ones)
     */
    public static DesignMatrix interceptOnly(int k) {
        return builder(k).build();
    }

    /**
     * @param k number of studies
     * @return a builder starting with the intercept column
     */
    public static Builder builder(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("need at least one study, got " + k);
        }
        return new Builder(k);
    }

    /** @return number of rows (studies) */
    public int rows() {
        return k;
    }

    /** @return number of columns (coefficients) */
    public int columns() {
        return p;
    }

    /** @return column names, intercept first */
    public List<String> names() {
        return names;
    }

    /**
     * @param i row
     * @param j column
     * @return the entry
     */
    public double get(int i, int j) {
        return x[i * p + j];
    }

    /** Row-major entries, shared with the package's fitting code (never modified). */
    double[] data() {
        return x;
    }

    /**
     * The rows selected by a mask, e.g. to drop one study.
     *
     * @param keep which rows to keep
     * @return the submatrix (column names unchanged)
     */
    public DesignMatrix rows(boolean[] keep) {
        int n = 0;
        for (boolean b : keep) {
            n += b ? 1 : 0;
        }
        double[] out = new double[n * p];
        for (int i = 0, r = 0; i < k; i++) {
            if (keep[i]) {
                System.arraycopy(x, i * p, out, r++ * p, p);
            }
        }
        return new DesignMatrix(n, p, out, names);
    }

    /** Adds moderator columns after the intercept, in call order. */
    public static final class Builder {
        private final int k;
        private final List<double[]> columns = new ArrayList<>();
        private final List<String> names = new ArrayList<>();

        private Builder(int k) {
            this.k = k;
            double[] one = new double[k];
            java.util.Arrays.fill(one, 1.0);
            columns.add(one);
            names.add(INTERCEPT);
        }

        /**
         * @param name moderator name
         * @param values one value per study
         * @return this builder
         * @throws InvalidModeratorException when a value is not finite or the length is not k
         */
        public Builder continuous(String name, double[] values) {
            checkLength(name, values.length);
            for (int i = 0; i < k; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new InvalidModeratorException(i, name, "moderator '" + name + "' is not a finite number");
                }
            }
            columns.add(values.clone());
            names.add(name);
            return this;
        }

        /**
         * Dummy-codes a categorical moderator against its first level in sorted order.
         *
         * @param name moderator name
         * @param levels one category per study
         * @return this builder
         * @throws InvalidModeratorException when a category is missing (null or blank), there is
         *     only one level, or the length is not k
         */
        public Builder categorical(String name, String[] levels) {
            checkLength(name, levels.length);
            TreeSet<String> sorted = new TreeSet<>();
            for (int i = 0; i < k; i++) {
                if (levels[i] == null || levels[i].isBlank()) {
                    throw new InvalidModeratorException(i, name, "moderator '" + name + "' is missing");
                }
                sorted.add(levels[i]);
            }
            if (sorted.size() < 2) {
                throw new InvalidModeratorException(-1, name,
                    "categorical moderator '" + name + "' needs at least two levels");
            }
            List<String> lv = new ArrayList<>(sorted);
            for (String level : lv.subList(1, lv.size())) {
                double[] c = new double[k];
                for (int i = 0; i < k; i++) {
                    c[i] = levels[i].equals(level) ? 1.0 : 0.0;
                }
                columns.add(c);
                names.add("factor(" + name + ")" + level);
            }
            return this;
        }

        private void checkLength(String name, int n) {
            if (n != k) {
                throw new InvalidModeratorException(-1, name,
                    "moderator '" + name + "' has " + n + " values for " + k + " studies");
            }
        }

        /** @return the design matrix */
        public DesignMatrix build() {
            int p = columns.size();
            double[] x = new double[k * p];
            for (int j = 0; j < p; j++) {
                double[] c = columns.get(j);
                for (int i = 0; i < k; i++) {
                    x[i * p + j] = c[i];
                }
            }
            return new DesignMatrix(k, p, x, Collections.unmodifiableList(new ArrayList<>(names)));
        }
    }
}
