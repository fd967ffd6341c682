package org.alliancelab.cli;

import java.util.List;
import java.util.Locale;
import org.alliancelab.simulate.calibration.Calibration;
import org.alliancelab.simulate.calibration.FreeParameter;
import org.alliancelab.simulate.calibration.MonteCarloCheck;
import org.alliancelab.simulate.calibration.TargetFit;

/** The text {@code calibrate} and {@code frontier} print for a calibration. */
final class CalibrationReport {

    private CalibrationReport() {
    }

    /**
     * @param c the calibration
     * @param check a simulation check to show beside the targets, or null
     * @return the table of targets (published, tolerance, fitted, residual, residual in
     *     tolerances) and of the free parameters (bounds, start, fitted)
     */
    static String text(Calibration c, MonteCarloCheck check) {
        StringBuilder s = new StringBuilder();
        int width = Math.max(28, c.fits().stream().mapToInt(f -> f.target().name().length()).max().orElse(0) + 2);
        s.append(String.format(Locale.ROOT, "%-" + width + "s %10s %10s %12s %12s %10s%s%n", "target", "published",
            "tolerance", "fitted", "residual", "resid/tol", check == null ? "" : String.format(Locale.ROOT,
                " %12s", "MC mean")));
        for (int i = 0; i < c.fits().size(); i++) {
            TargetFit f = c.fits().get(i);
            s.append(String.format(Locale.ROOT, "%-" + width + "s %10s %10s %12.6f %+12.6f %+10.2f%s%s%n",
                f.target().name(), plain(f.target().value()), plain(f.target().tolerance()), f.fitted(), f.residual(),
                f.residualInTolerances(), check == null ? "" : mc(check.means().get(i)), f.met() ? "" : "  NOT MET"));
        }
        s.append('\n');
        int pw = Math.max(28, c.parameters().stream().mapToInt(p -> p.name().length()).max().orElse(0) + 2);
        s.append(String.format(Locale.ROOT, "%-" + pw + "s %8s %8s %8s %12s%n", "free parameter", "lower", "upper",
            "start", "fitted"));
        List<FreeParameter> ps = c.parameters();
        for (int i = 0; i < ps.size(); i++) {
            FreeParameter p = ps.get(i);
            s.append(String.format(Locale.ROOT, "%-" + pw + "s %8s %8s %8s %12.6f%s%n", p.name(), plain(p.lower()),
                plain(p.upper()), plain(p.start()), c.values().get(i), c.atBound(i) ? "  (at a bound)" : ""));
        }
        return s.toString();
    }

    private static String mc(double v) {
        return Double.isNaN(v) ? String.format(Locale.ROOT, " %12s", "-") : String.format(Locale.ROOT, " %12.4f", v);
    }

    /** A number as written by hand: no trailing zeros. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
            : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * @param c an infeasible calibration
     * @return the targets it cannot meet and how close it came, for the one error line
     */
    static String unmet(Calibration c) {
        StringBuilder s = new StringBuilder();
        for (TargetFit f : c.unmet()) {
            s.append(s.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                "'%s' %s (closest %.4f, residual %+.4f = %.2f tolerances)", f.target().name(),
                plain(f.target().value()), f.fitted(), f.residual(), f.residualInTolerances()));
        }
        return s.toString();
    }
}
