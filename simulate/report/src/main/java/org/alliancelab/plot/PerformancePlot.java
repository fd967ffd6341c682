package org.alliancelab.plot;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A performance measure (rejection rate, coverage, bias) against the levels of one grid factor:
 * one line per analysis, each point with an error bar of &plusmn;2 Monte Carlo standard errors
 * (about a 95% interval for the true performance), and a reference line at the nominal value
 * (alpha for a rejection rate under the null, the confidence level for coverage).
 *
 * <p>Drawn with JFreeChart's {@link XYErrorRenderer}. SVG ids: series S, level I:
 * {@code chart-d0-sS-p0-iI} (error bar) and {@code chart-d0-sS-p1-iI} (marker).
 */
public final class PerformancePlot {

    /** Error bars span this many MCSEs either side. */
    public static final double MCSE_MULTIPLIER = 2.0;

    private PerformancePlot() {
    }

    /**
     * The content of a performance plot.
     *
     * @param title title, or "" for none
     * @param factorLabel x-axis label (the factor in words)
     * @param measureLabel y-axis label, e.g. "Rejection rate of r = 0"
     * @param series the lines
     * @param nominal the reference value, or NaN for none
     * @param unitInterval whether the measure is a proportion (y axis from 0 to 1)
     */
    public record Data(String title, String factorLabel, String measureLabel, List<PerformanceSeries> series,
                       double nominal, boolean unitInterval) {
        /** Copies the list. */
        public Data {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(factorLabel, "factorLabel");
            Objects.requireNonNull(measureLabel, "measureLabel");
            series = List.copyOf(series);
            if (series.isEmpty()) {
                throw new IllegalArgumentException("a performance plot needs at least one series");
            }
        }
    }

    /**
     * @param data what to draw
     * @param width nominal width in pixels
     * @param height nominal height in pixels
     * @return the figure
     */
    public static Figure of(Data data, int width, int height) {
        return Charts.figure(() -> chart(data), width, height);
    }

    private static JFreeChart chart(Data data) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PerformanceSeries s : data.series()) {
            YIntervalSeries series = new YIntervalSeries(s.name(), false, true);
            for (PerformanceSeries.Point p : s.points()) {
                McEstimate e = p.estimate();
                if (!e.isDefined()) {
                    continue;
                }
                double half = MCSE_MULTIPLIER * e.mcseOrZero();
                series.add(p.level(), e.value(), e.value() - half, e.value() + half);
                lo = Math.min(lo, e.value() - half);
                hi = Math.max(hi, e.value() + half);
            }
            dataset.addSeries(series);
        }
        NumberAxis x = new NumberAxis(data.factorLabel());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(data.measureLabel());
        if (data.unitInterval()) {
            y.setRange(-0.02, 1.02);
        } else {
            y.setAutoRangeIncludesZero(false);
            if (Double.isFinite(data.nominal())) {
                lo = Math.min(lo, data.nominal());
                hi = Math.max(hi, data.nominal());
            }
            if (lo < hi) {
                double pad = 0.08 * (hi - lo);
                y.setRange(lo - pad, hi + pad);
            }
        }
        XYErrorRenderer renderer = new ItemIds.XYErrors();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setCapLength(6);
        for (int i = 0; i < data.series().size(); i++) {
            renderer.setSeriesPaint(i, Style.series(i));
            renderer.setSeriesShape(i, Style.marker(i, 4));
            renderer.setSeriesStroke(i, Style.line(i, 1.5f));
        }
        renderer.setErrorStroke(new BasicStroke(1.2f));
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        if (Double.isFinite(data.nominal())) {
            ValueMarker nominal = new ValueMarker(data.nominal(), Style.GREY, Style.line(1, 1f));
            plot.addRangeMarker(nominal);
        }
        return new JFreeChart(data.title().isEmpty() ? null : data.title(), Style.TITLE, plot, true);
    }
}
