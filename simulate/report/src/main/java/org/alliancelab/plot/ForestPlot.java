package org.alliancelab.plot;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliancelab.meta.pooling.TauSquaredEstimator;

/**
 * Forest plot: one row per study (marker at the estimate, area proportional to the study's
 * weight, whiskers for its confidence interval), the pooled estimate as a diamond spanning its
 * confidence interval, the prediction interval as an open bar, and a line with the estimator,
 * tau<sup>2</sup>, I<sup>2</sup> and Q; one block per subgroup.
 *
 * <p>Drawn by hand on a Java2D canvas (no charting library offers a forest plot's table-like
 * layout); the same code renders SVG through JFreeSVG and PNG through a raster image. SVG ids:
 * {@code study-marker-P-I}, {@code study-ci-P-I}, {@code pooled-diamond-P},
 * {@code prediction-interval-P} for panel P and study I (from 0), {@code x-tick-J} and
 * {@code x-tick-label-J} for the axis ticks, {@code note} for the line below the axis (the
 * test of subgroup differences), all after the figure's id prefix.
 *
 * <p>Layout follows Lewis S, Clarke M (2001). Forest plots: trying to see the wood and the
 * trees. BMJ 322:1479. https://doi.org/10.1136/bmj.322.7300.1479
 */
public final class ForestPlot {

    private static final int MARGIN = 16;
    private static final int ROW = 20;
    private static final int PLOT_WIDTH = 360;
    private static final int GAP = 16;
    private static final double MAX_MARKER = 8.0;
    private static final double MIN_MARKER = 2.0;

    private ForestPlot() {
    }

    /**
     * @param data what to draw
     * @return the figure
     */
    public static Figure of(ForestPlotData data) {
        Layout layout = new Layout(data);
        return Figure.ofPainter(layout.width, layout.height, (g2, id) -> paint(g2, id, data, layout));
    }

    /**
     * Writes a forest plot atomically, as SVG or PNG according to the file's extension.
     *
     * @param file output file (.svg or .png)
     * @param data what to draw
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException for another extension
     */
    public static void write(Path file, ForestPlotData data) throws IOException {
        of(data).write(file);
    }

    /**
     * Writes a forest plot atomically in the given format.
     *
     * @param file output file
     * @param data what to draw
     * @param format SVG or PNG
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, ForestPlotData data, PlotFormat format) throws IOException {
        of(data).write(file, format);
    }

    /** Pre-computed geometry: the figure size depends on label widths and row count. */
    private static final class Layout {
        final double labelWidth;
        final double numberWidth;
        final double weightWidth;
        final double plotLeft;
        final double plotRight;
        final int width;
        final int height;
        final NiceScale scale;

        Layout(ForestPlotData data) {
            double labels = Style.textWidth("Study", Style.BOLD);
            double numbers = Style.textWidth(intervalHeader(data), Style.BOLD);
            double summaries = 0;
            double min = 0;
            double max = 0;
            int rows = 0;
            for (ForestPanel panel : data.panels()) {
                labels = Math.max(labels, Style.textWidth(panel.title(), Style.BOLD));
                labels = Math.max(labels, Style.textWidth(pooledLabel(panel.pooled()), Style.BOLD));
                labels = Math.max(labels, Style.textWidth("Prediction interval", Style.PLAIN));
                for (ForestStudy s : panel.studies()) {
                    labels = Math.max(labels, Style.textWidth(s.label(), Style.PLAIN));
                    numbers = Math.max(numbers, Style.textWidth(interval(data, s.estimate(), s.ciLower(), s.ciUpper()), Style.PLAIN));
                    min = Math.min(min, data.scale().display(s.ciLower()));
                    max = Math.max(max, data.scale().display(s.ciUpper()));
                }
                ForestSummary p = panel.pooled();
                numbers = Math.max(numbers, Style.textWidth(interval(data, p.estimate(), p.ciLower(), p.ciUpper()), Style.BOLD));
                min = Math.min(min, data.scale().display(p.ciLower()));
                max = Math.max(max, data.scale().display(p.ciUpper()));
                if (p.hasPredictionInterval()) {
                    min = Math.min(min, data.scale().display(p.piLower()));
                    max = Math.max(max, data.scale().display(p.piUpper()));
                    numbers = Math.max(numbers, Style.textWidth(interval(data, Double.NaN, p.piLower(), p.piUpper()), Style.PLAIN));
                }
                summaries = Math.max(summaries, Style.textWidth(summaryLine(p), Style.SMALL));
                rows += panelRows(panel);
            }
            labelWidth = Math.ceil(labels) + 12;
            numberWidth = Math.ceil(numbers) + 12;
            weightWidth = Math.ceil(Style.textWidth("Weight", Style.BOLD)) + 8;
            plotLeft = MARGIN + labelWidth;
            plotRight = plotLeft + PLOT_WIDTH;
            double contentWidth = labelWidth + PLOT_WIDTH + GAP + numberWidth + weightWidth;
            contentWidth = Math.max(contentWidth, summaries + 12);
            contentWidth = Math.max(contentWidth, Style.textWidth(data.title(), Style.TITLE));
            contentWidth = Math.max(contentWidth, Style.textWidth(data.note(), Style.SMALL));
            width = (int) Math.ceil(2 * MARGIN + contentWidth);
            scale = NiceScale.of(min, max, 7);
            int titleHeight = data.title().isEmpty() ? 0 : 26;
            height = MARGIN + titleHeight + ROW + 6 + rows * ROW + (data.panels().size() - 1) * ROW / 2
                + 50 + (data.note().isEmpty() ? 0 : ROW) + MARGIN;
        }

        double x(double displayed) {
            return scale.toPixel(displayed, plotLeft, plotRight);
        }
    }

    private static int panelRows(ForestPanel panel) {
        return (panel.title().isEmpty() ? 0 : 1) + panel.studies().size() + 1
            + (panel.pooled().hasPredictionInterval() ? 1 : 0) + 1;
    }

    private static void paint(Graphics2D g2, String id, ForestPlotData data, Layout l) {
        double numbersLeft = l.plotRight + GAP;
        double weightRight = numbersLeft + l.numberWidth + l.weightWidth;
        double y = MARGIN;
        if (!data.title().isEmpty()) {
            g2.setFont(Style.TITLE);
            g2.setColor(Style.BLACK);
            g2.drawString(data.title(), MARGIN, (float) (y + 14));
            y += 26;
        }
        // Column headers.
        g2.setFont(Style.BOLD);
        g2.setColor(Style.BLACK);
        float baseline = (float) (y + 14);
        g2.drawString("Study", MARGIN, baseline);
        g2.drawString(intervalHeader(data), (float) numbersLeft, baseline);
        drawRight(g2, "Weight", weightRight, baseline);
        y += ROW;
        g2.setColor(Style.GREY);
        g2.setStroke(new BasicStroke(1f));
        g2.draw(new Line2D.Double(MARGIN, y + 2, weightRight, y + 2));
        y += 6;
        double top = y;

        List<double[]> pooledSpans = new ArrayList<>();
        for (int p = 0; p < data.panels().size(); p++) {
            ForestPanel panel = data.panels().get(p);
            ForestSummary pooled = panel.pooled();
            double panelTop = y;
            SvgIds.beginGroup(g2, id + "panel-" + p);
            if (!panel.title().isEmpty()) {
                g2.setFont(Style.BOLD);
                g2.setColor(Style.BLACK);
                g2.drawString(panel.title(), MARGIN, (float) (y + 14));
                y += ROW;
            }
            double maxWeight = 0;
            for (ForestStudy s : panel.studies()) {
                maxWeight = Math.max(maxWeight, s.weight());
            }
            for (int i = 0; i < panel.studies().size(); i++) {
                ForestStudy s = panel.studies().get(i);
                double cy = y + ROW / 2.0;
                g2.setFont(Style.PLAIN);
                g2.setColor(Style.BLACK);
                g2.drawString(s.label(), MARGIN, (float) (y + 14));
                g2.drawString(interval(data, s.estimate(), s.ciLower(), s.ciUpper()), (float) numbersLeft, (float) (y + 14));
                drawRight(g2, String.format(Locale.ROOT, "%.1f%%", s.weight()), weightRight, (float) (y + 14));
                double lo = l.x(data.scale().display(s.ciLower()));
                double hi = l.x(data.scale().display(s.ciUpper()));
                g2.setStroke(new BasicStroke(1.2f));
                SvgIds.next(g2, id + "study-ci-" + p + "-" + i);
                g2.draw(new Line2D.Double(lo, cy, hi, cy));
                g2.draw(new Line2D.Double(lo, cy - 3, lo, cy + 3));
                g2.draw(new Line2D.Double(hi, cy - 3, hi, cy + 3));
                // Marker area proportional to weight: side grows with the square root.
                double half = maxWeight > 0 ? MAX_MARKER * Math.sqrt(s.weight() / maxWeight) : MIN_MARKER;
                half = Math.max(MIN_MARKER, half);
                double cx = l.x(data.scale().display(s.estimate()));
                g2.setColor(Style.BLUE);
                SvgIds.next(g2, id + "study-marker-" + p + "-" + i);
                g2.fill(new Rectangle2D.Double(cx - half, cy - half, 2 * half, 2 * half));
                y += ROW;
            }
            // Pooled diamond.
            double cy = y + ROW / 2.0;
            g2.setFont(Style.BOLD);
            g2.setColor(Style.BLACK);
            g2.drawString(pooledLabel(pooled), MARGIN, (float) (y + 14));
            g2.drawString(interval(data, pooled.estimate(), pooled.ciLower(), pooled.ciUpper()), (float) numbersLeft, (float) (y + 14));
            drawRight(g2, "100%", weightRight, (float) (y + 14));
            double dLo = l.x(data.scale().display(pooled.ciLower()));
            double dMid = l.x(data.scale().display(pooled.estimate()));
            double dHi = l.x(data.scale().display(pooled.ciUpper()));
            Shape diamond = Style.polygon(dLo, cy, dMid, cy - 7, dHi, cy, dMid, cy + 7);
            g2.setColor(Style.VERMILLION);
            SvgIds.next(g2, id + "pooled-diamond-" + p);
            g2.fill(diamond);
            g2.setColor(Style.BLACK);
            g2.setStroke(new BasicStroke(1f));
            g2.draw(diamond);
            y += ROW;
            if (pooled.hasPredictionInterval()) {
                cy = y + ROW / 2.0;
                g2.setFont(Style.PLAIN);
                g2.drawString("Prediction interval", MARGIN, (float) (y + 14));
                g2.drawString(interval(data, Double.NaN, pooled.piLower(), pooled.piUpper()), (float) numbersLeft, (float) (y + 14));
                double pLo = l.x(data.scale().display(pooled.piLower()));
                double pHi = l.x(data.scale().display(pooled.piUpper()));
                g2.setColor(Style.VERMILLION);
                g2.setStroke(new BasicStroke(1.5f));
                SvgIds.next(g2, id + "prediction-interval-" + p);
                g2.draw(new Rectangle2D.Double(pLo, cy - 3, pHi - pLo, 6));
                y += ROW;
            }
            g2.setFont(Style.SMALL);
            g2.setColor(Style.BLACK);
            g2.drawString(summaryLine(pooled), MARGIN, (float) (y + 13));
            y += ROW;
            pooledSpans.add(new double[] {panelTop, y - ROW, dMid});
            SvgIds.endGroup(g2);
            if (p < data.panels().size() - 1) {
                y += ROW / 2.0;
            }
        }
        double axisY = y + 4;
        // Reference line at no effect, and a dashed line at each pooled estimate.
        g2.setColor(Style.GREY);
        g2.setStroke(new BasicStroke(1f));
        double x0 = l.x(0);
        g2.draw(new Line2D.Double(x0, top, x0, axisY));
        g2.setStroke(Style.line(1, 1f));
        for (double[] span : pooledSpans) {
            g2.draw(new Line2D.Double(span[2], span[0], span[2], span[1]));
        }
        // Axis.
        g2.setColor(Style.BLACK);
        g2.setStroke(new BasicStroke(1f));
        g2.draw(new Line2D.Double(l.plotLeft, axisY, l.plotRight, axisY));
        g2.setFont(Style.SMALL);
        for (int j = 0; j < l.scale.tickCount(); j++) {
            double tx = l.x(l.scale.tick(j));
            SvgIds.next(g2, id + "x-tick-" + j);
            g2.draw(new Line2D.Double(tx, axisY, tx, axisY + 5));
            String label = l.scale.label(j);
            SvgIds.next(g2, id + "x-tick-label-" + j);
            g2.drawString(label, (float) (tx - Style.textWidth(label, Style.SMALL) / 2), (float) (axisY + 18));
        }
        g2.setFont(Style.PLAIN);
        double labelX = (l.plotLeft + l.plotRight) / 2 - Style.textWidth(data.axisLabel(), Style.PLAIN) / 2;
        g2.drawString(data.axisLabel(), (float) labelX, (float) (axisY + 36));
        if (!data.note().isEmpty()) {
            g2.setFont(Style.SMALL);
            SvgIds.next(g2, id + "note");
            g2.drawString(data.note(), MARGIN, (float) (axisY + 36 + ROW));
        }
    }

    private static void drawRight(Graphics2D g2, String text, double right, float baseline) {
        Font font = g2.getFont();
        g2.drawString(text, (float) (right - Style.textWidth(text, font)), baseline);
    }

    private static String intervalHeader(ForestPlotData data) {
        String what = data.scale() == EffectScale.FISHER_Z_TO_CORRELATION ? "r" : "Estimate";
        return String.format(Locale.ROOT, "%s [%s CI]", what, percent(data.level()));
    }

    private static String percent(double level) {
        double pct = 100 * level;
        return pct == Math.rint(pct) ? String.format(Locale.ROOT, "%.0f%%", pct)
            : String.format(Locale.ROOT, "%.1f%%", pct);
    }

    private static String interval(ForestPlotData data, double estimate, double lo, double hi) {
        EffectScale s = data.scale();
        String bounds = "[" + twoDecimals(s.display(lo)) + ", " + twoDecimals(s.display(hi)) + "]";
        return Double.isNaN(estimate) ? bounds : twoDecimals(s.display(estimate)) + " " + bounds;
    }

    /** @return the value with two decimals, never "-0.00" */
    static String twoDecimals(double v) {
        String text = String.format(Locale.ROOT, "%.2f", v);
        return text.equals("-0.00") ? "0.00" : text;
    }

    static String pooledLabel(ForestSummary pooled) {
        return pooled.estimator() == TauSquaredEstimator.EE ? "Common-effect model" : "Random-effects model";
    }

    /** @return e.g. "REML: τ² = 0.0123, I² = 45.2%, Q(15) = 27.41, p = 0.026" */
    static String summaryLine(ForestSummary p) {
        String q = String.format(Locale.ROOT, "Q(%d) = %.2f, p %s", p.df(), p.q(), pValue(p.qP()));
        if (p.estimator() == TauSquaredEstimator.EE) {
            return String.format(Locale.ROOT, "Heterogeneity: I\u00b2 = %.1f%%, %s", p.i2(), q);
        }
        return String.format(Locale.ROOT, "%s: \u03c4\u00b2 = %.4f, I\u00b2 = %.1f%%, %s",
            p.estimator().name(), p.tau2(), p.i2(), q);
    }

    private static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "= NA";
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
    }

}
