package org.alliancelab.meta.panel;

/**
 * Least squares of y_next on (x, y) from 2 x 2 cross-products S: the slopes S^-1 s, the
 * diagonal of S^-1 and the residual sum of squares s_yy - slopes' s.
 */
record LaggedSlopes(double exposure, double carryOver, double inverseXX, double inverseYY, double residual) {

    /** Slopes from cross-products given as a function of (row, column) over x, y, y_next. */
    static LaggedSlopes of(CrossProducts s) {
        double sxx = s.at(0, 0);
        double sxy = s.at(0, 1);
        double syy = s.at(1, 1);
        double det = sxx * syy - sxy * sxy;
        if (!(det > 0)) {
            throw new ArithmeticException("the lagged predictors are collinear (determinant " + det + ")");
        }
        double bx = (syy * s.at(0, 2) - sxy * s.at(1, 2)) / det;
        double by = (sxx * s.at(1, 2) - sxy * s.at(0, 2)) / det;
        double rss = Math.max(0, s.at(2, 2) - bx * s.at(0, 2) - by * s.at(1, 2));
        return new LaggedSlopes(bx, by, syy / det, sxx / det, rss);
    }

    /** Cross-products of x, y, y_next. */
    @FunctionalInterface
    interface CrossProducts {
        double at(int a, int b);
    }
}
