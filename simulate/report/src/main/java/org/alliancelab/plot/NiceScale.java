package org.alliancelab.plot;

/**
 * A linear axis over "nice" limits: the data range is widened to multiples of a tick step of
 * 1, 2 or 5 times a power of ten, giving about {@code targetTicks} labelled ticks.
 */
final class NiceScale {

    final double lower;
    final double upper;
    final double step;

    private NiceScale(double lower, double upper, double step) {
        this.lower = lower;
        this.upper = upper;
        this.step = step;
    }

    static NiceScale of(double min, double max, int targetTicks) {
        if (!(max > min)) {
            double pad = Math.max(Math.abs(min) * 0.1, 0.1);
            min -= pad;
            max += pad;
        }
        double raw = (max - min) / Math.max(1, targetTicks - 1);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double residual = raw / magnitude;
        double step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
        double lower = Math.floor(min / step + 1e-9) * step;
        double upper = Math.ceil(max / step - 1e-9) * step;
        return new NiceScale(lower, upper, step);
    }

    int tickCount() {
        return (int) Math.round((upper - lower) / step) + 1;
    }

    double tick(int i) {
        double v = lower + i * step;
        // Snap to the step's decimal grid so labels read 0.3, not 0.30000000000000004.
        return Math.abs(v) < step * 1e-9 ? 0.0 : Math.round(v / step) * step;
    }

    /** @return the tick label with as many decimals as the step needs */
    String label(int i) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", tick(i));
    }

    /** @return the pixel position of {@code value} on an axis from {@code p0} (lower) to {@code p1} */
    double toPixel(double value, double p0, double p1) {
        return p0 + (value - lower) / (upper - lower) * (p1 - p0);
    }
}
