package org.alliancelab.simulate.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Monte Carlo SEs as the terminal and the report print them: two significant digits, never "0.000"; a
 * proportion of 0 or 1, whose plug-in MCSE is 0, gets the one-sided 95% bound of the rule of
 * three instead ({@code < 3/R} or {@code > 1 - 3/R}; Hanley &amp; Lippman-Hand 1983, JAMA
 * 249:1743, doi:10.1001/jama.1983.03330370053031).
 */
public final class McseFormat {
    private McseFormat() {
    }

    /**
     * @param v a number (an MCSE)
     * @return v rounded to two significant digits in plain notation ("0.00023", "0.70", "12")
     */
    public static String twoSignificant(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(2)).toPlainString();
    }

    /**
     * @param value an estimate
     * @param mcse its MCSE
     * @return "0.28184 ± 0.00022": the value to the MCSE's last digit (at least 4 decimals), ± the MCSE
     */
    public static String estimate(double value, double mcse) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        return decimals(value, Math.max(4, decimalsOf(mcse))) + " ± " + twoSignificant(mcse);
    }

    /**
     * @param p a proportion (rejection rate, coverage)
     * @param mcse its MCSE
     * @param replications the replications it was estimated from
     * @return "5.1% ± 0.70" (percentage points), or "0.0% (&lt; 0.30%)" / "100.0% (&gt; 99.70%)"
     */
    public static String proportion(double p, double mcse, long replications) {
        if (!Double.isFinite(p)) {
            return "-";
        }
        if (replications > 0 && (p == 0 || p == 1)) {
            double bound = 3.0 / replications;
            return p == 0 ? String.format(Locale.ROOT, "0.0%% (< %s%%)", twoSignificant(100 * bound))
                : String.format(Locale.ROOT, "100.0%% (> %s%%)", new BigDecimal(100 - 100 * bound)
                    .round(new MathContext(4)).stripTrailingZeros().toPlainString());
        }
        return String.format(Locale.ROOT, "%.1f%% ± %s", 100 * p, twoSignificant(100 * mcse));
    }

    /** Decimal places that show two significant digits of v. */
    private static int decimalsOf(double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            return 0;
        }
        return Math.max(0, 1 - (int) Math.floor(Math.log10(v)));
    }

    private static String decimals(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
