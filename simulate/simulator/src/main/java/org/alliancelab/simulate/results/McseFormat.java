package org.alliancelab.simulate.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Monte Carlo SEs as the terminal and the report print them: two significant digits, never "0.000",
 * and the value to the MCSE's last digit, so both show significant digits. An MCSE of exactly 0
 * is never shown: a proportion of 0 or 1 ({@link MeasureNames#isProportion}), whose plug-in MCSE
 * is 0, gets the one-sided 95% bound of the rule of three instead ({@code < 3/R} or
 * {@code > 1 - 3/R}; Hanley &amp; Lippman-Hand 1983, JAMA 249:1743,
 * doi:10.1001/jama.1983.03330370053031); any other value with MCSE 0 is a constant across the
 * replications (a count fixed by the design) and is printed alone.
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
        String v = decimals(value, Math.max(4, decimalsOf(mcse)));
        return mcse == 0 || !Double.isFinite(mcse) ? v : v + " ± " + twoSignificant(mcse);
    }

    /**
     * A value and its MCSE as separate texts, for a table that sets the MCSE apart.
     *
     * @param value the estimate as printed: to the MCSE's last digit, at least the minimum decimals
     * @param mcse the MCSE to two significant digits, the rule of three's bound
     *     ({@code "< 0.015, one-sided 95%"}), or empty where it is omitted (an MCSE of 0 of a
     *     constant, or an undefined MCSE)
     */
    public record Parts(String value, String mcse) {
    }

    /**
     * @param value an estimate (finite)
     * @param mcse its MCSE
     * @param replications the replications it was estimated from
     * @param proportion whether the value is a proportion ({@link MeasureNames#isProportion})
     * @param minDecimals the fewest decimals of the value
     * @return the value and its MCSE ({@link Parts})
     */
    public static Parts parts(double value, double mcse, long replications, boolean proportion, int minDecimals) {
        if (mcse == 0 && proportion && (value == 0 || value == 1) && replications > 0) {
            double bound = 3.0 / replications;
            String v = decimals(value, minDecimals);
            return new Parts(v, (value == 0 ? "< " + twoSignificant(bound) : "> " + decimals(1 - bound,
                Math.max(minDecimals, decimalsOf(bound)))) + ", one-sided 95%");
        }
        if (mcse == 0 || !Double.isFinite(mcse)) {
            return new Parts(decimals(value, minDecimals), "");
        }
        return new Parts(decimals(value, Math.max(minDecimals, decimalsOf(mcse))), twoSignificant(mcse));
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
        String v = String.format(Locale.ROOT, "%.1f%%", 100 * p);
        return mcse == 0 || !Double.isFinite(mcse) ? v : v + " ± " + twoSignificant(100 * mcse);
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
