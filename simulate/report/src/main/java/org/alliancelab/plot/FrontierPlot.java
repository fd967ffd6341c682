package org.alliancelab.plot;

import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The frontier of a published table: the unmeasured confounder's strength each compatible
 * causal world needs, against the population causal r: one line for its partial
 * R<sup>2</sup> with the exposure (given the covariates) and one with the outcome (given
 * exposure and covariates), over the compatible points; the causal r that no calibration
 * reproduces shaded.
 *
 * <p>SVG ids: series S, point I: {@code chart-d0-sS-iI}.
 */
public final class FrontierPlot {

    private FrontierPlot() {
    }

    /**
     * One point of the frontier.
     *
     * @param causal the population causal r (NaN where the model is invalid: such a point is incompatible and not placed)
     * @param exposure the confounder's partial R<sup>2</sup> with the exposure
     * @param outcome the confounder's partial R<sup>2</sup> with the outcome
     * @param compatible whether the table is reproduced there
     */
    public record Point(double causal, double exposure, double outcome, boolean compatible) {
    }

    /**
     * The content.
     *
     * @param title title, or "" for none
     * @param exposureLabel the legend of the exposure line
     * @param outcomeLabel the legend of the outcome line
     * @param points the points by increasing swept value
     */
    public record Data(String title, String exposureLabel, String outcomeLabel, List<Point> points) {
        /** Copies the list. */
        public Data {
            Objects.requireNonNull(title, "title");
            points = List.copyOf(points);
            if (points.isEmpty()) {
                throw new IllegalArgumentException("a frontier plot needs at least one point");
            }
        }
    }

    /**
     * The content with the standard legends, the confounder's partial R<sup>2</sup> with the
     * exposure and with the outcome, as {@code frontier} and the report draw it.
     *
     * @param confounder the unmeasured confounder's name
     * @param points the points by increasing swept value
     * @return the content, titled "Causal worlds compatible with the table"
     */
    public static Data ofConfounder(String confounder, List<Point> points) {
        return new Data("Causal worlds compatible with the table",
            "R\u00b2 of " + confounder + " with the exposure (given the covariates)",
            "R\u00b2 of " + confounder + " with the outcome (given exposure and covariates)", points);
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
        XYSeries exposure = new XYSeries(data.exposureLabel(), false, true);
        XYSeries outcome = new XYSeries(data.outcomeLabel(), false, true);
        for (Point p : data.points()) {
            if (p.compatible()) {
                exposure.add(p.causal(), p.exposure());
                outcome.add(p.causal(), p.outcome());
            }
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(exposure);
        dataset.addSeries(outcome);
        NumberAxis x = new NumberAxis("Population causal r");
        x.setAutoRangeIncludesZero(false);
        // A point where the model is invalid has no causal r (NaN): not compatible, not placed.
        double lo = data.points().stream().mapToDouble(Point::causal).filter(Double::isFinite).min().orElse(0);
        double hi = data.points().stream().mapToDouble(Point::causal).filter(Double::isFinite).max().orElse(0);
        if (lo < hi) {
            double pad = 0.03 * (hi - lo);
            x.setRange(lo - pad, hi + pad);
        }
        NumberAxis y = new NumberAxis("Required partial R\u00b2 of the unmeasured confounder");
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new ItemIds.XYLines(true, true);
        for (int i = 0; i < 2; i++) {
            renderer.setSeriesPaint(i, Style.series(i));
            renderer.setSeriesShape(i, Style.marker(i, 3));
            renderer.setSeriesStroke(i, Style.line(i, 1.5f));
        }
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        // Shade each run of incompatible points, from the neighbouring compatible edge.
        List<Point> points = data.points();
        int i = 0;
        while (i < points.size()) {
            if (points.get(i).compatible()) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < points.size() && !points.get(j + 1).compatible()) {
                j++;
            }
            double from = i > 0 ? points.get(i - 1).causal() : finite(points, i, j, true);
            double to = j + 1 < points.size() ? points.get(j + 1).causal() : finite(points, i, j, false);
            if (Double.isNaN(from) || Double.isNaN(to)) {
                // the run has no causal r to shade from: the invalid models are at the sweep's end
                from = Double.isNaN(from) ? to : from;
                to = Double.isNaN(to) ? from : to;
                if (Double.isNaN(from)) {
                    i = j + 1;
                    continue;
                }
            }
            IntervalMarker shade = new IntervalMarker(Math.min(from, to), Math.max(from, to));
            shade.setPaint(Style.LIGHT_GREY);
            shade.setLabel(i == 0 && j == points.size() - 1 ? "no compatible world" : "table not reproduced");
            shade.setLabelFont(Style.SMALL);
            shade.setLabelPaint(Style.BLACK);
            shade.setLabelBackgroundColor(new java.awt.Color(0, 0, 0, 0));
            shade.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP);
            shade.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_CENTER);
            shade.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(6, 0, 0, 0));
            plot.addDomainMarker(shade, Layer.BACKGROUND);
            i = j + 1;
        }
        return new JFreeChart(data.title().isEmpty() ? null : data.title(), Style.TITLE, plot, true);
    }

    /** The first (or last) finite causal r among points i..j, NaN when none is. */
    private static double finite(List<Point> points, int i, int j, boolean first) {
        for (int k = 0; k <= j - i; k++) {
            double c = points.get(first ? i + k : j - k).causal();
            if (Double.isFinite(c)) {
                return c;
            }
        }
        return Double.NaN;
    }
}
