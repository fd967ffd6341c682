package org.alliancelab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Funnel plot: each study's estimate against its standard error, the SE axis inverted so that
 * precise studies sit at the top; the pseudo-confidence region centre &plusmn;
 * z<sub>(1+level)/2</sub> SE shaded; studies imputed by trim-and-fill as open markers of another
 * colour and shape; optionally Egger's regression line y = b<sub>0</sub> + b<sub>1</sub> SE (which is
 * PET's) and PEESE's curve y = b<sub>0</sub> + b<sub>1</sub> SE<sup>2</sup>.
 *
 * <p>Drawn with JFreeChart (an XY scatter with an inverted range axis, a polygon annotation for
 * the region and a line series for Egger's line). SVG ids (see {@link ItemIds}): observed
 * studies {@code chart-d0-s0-iN}, imputed studies {@code chart-d0-s1-iN}.
 *
 * <p>Sterne JAC, Egger M (2001). Funnel plots for detecting bias in meta-analysis. J Clin
 * Epidemiol 54:1046. https://doi.org/10.1016/S0895-4356(01)00377-8
 */
public final class FunnelPlot {

    static final String OBSERVED = "Studies";
    static final String FILLED = "Filled by trim-and-fill";
    static final String EGGER = "Egger line";
    static final String PEESE = "PEESE curve";
    /** Points of the PEESE parabola. */
    private static final int CURVE_POINTS = 64;
    static final String REGION = "Pseudo-confidence region";

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private FunnelPlot() {
    }

    /**
     * @param data what to draw
     * @return the figure
     */
    public static Figure of(FunnelPlotData data) {
        return Charts.figure(() -> chart(data), WIDTH, HEIGHT);
    }

    private static JFreeChart chart(FunnelPlotData data) {
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + data.level() / 2);
        double seMax = 0;
        for (FunnelStudy s : data.studies()) {
            seMax = Math.max(seMax, s.se());
        }
        XYSeries observed = new XYSeries(OBSERVED, false, true);
        XYSeries filled = new XYSeries(FILLED + " (k0 = " + data.imputedCount() + ")", false, true);
        double min = data.center() - z * seMax;
        double max = data.center() + z * seMax;
        for (FunnelStudy s : data.studies()) {
            (s.imputed() ? filled : observed).add(s.estimate(), s.se());
            min = Math.min(min, s.estimate());
            max = Math.max(max, s.estimate());
        }
        XYSeriesCollection points = new XYSeriesCollection();
        points.addSeries(observed);
        if (filled.getItemCount() > 0) {
            points.addSeries(filled);
        }
        NumberAxis xAxis = new NumberAxis(data.axisLabel());
        xAxis.setAutoRangeIncludesZero(false);
        double pad = 0.05 * (max - min);
        xAxis.setRange(min - pad, max + pad);
        NumberAxis yAxis = new NumberAxis("Standard error");
        yAxis.setInverted(true);
        yAxis.setRange(0, seMax * 1.02);

        XYLineAndShapeRenderer pointRenderer = new ItemIds.XYLines(false, true);
        pointRenderer.setSeriesPaint(0, Style.BLUE);
        pointRenderer.setSeriesShape(0, Style.marker(0, 4));
        pointRenderer.setSeriesPaint(1, Style.VERMILLION);
        pointRenderer.setSeriesShape(1, Style.marker(3, 4));
        pointRenderer.setSeriesShapesFilled(1, false);
        pointRenderer.setSeriesStroke(1, new BasicStroke(1.5f));
        pointRenderer.setDrawOutlines(true);
        pointRenderer.setUseOutlinePaint(false);

        XYPlot plot = new XYPlot(points, xAxis, yAxis, pointRenderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        // The region is an annotation below the points; its outline marks the contour.
        XYPolygonAnnotation region = new XYPolygonAnnotation(
            new double[] {data.center() - z * seMax, seMax, data.center(), 0, data.center() + z * seMax, seMax},
            Style.line(1, 1f), Style.GREY, new Color(0xEEEEEE));
        region.setToolTipText(REGION);
        plot.getRenderer().addAnnotation(region, org.jfree.chart.ui.Layer.BACKGROUND);
        ValueMarker centre = new ValueMarker(data.center(), Style.GREY, new BasicStroke(1f));
        plot.addDomainMarker(centre);
        XYSeriesCollection lines = new XYSeriesCollection();
        if (data.egger().isPresent()) {
            EggerLine line = data.egger().get();
            XYSeries egger = new XYSeries(EGGER + (data.peese().isPresent() ? " = PET" : "") + " (limit estimate "
                + ForestPlot.twoDecimals(line.limitEstimate()) + ")", false, true);
            egger.add(line.at(0), 0);
            egger.add(line.at(seMax), seMax);
            lines.addSeries(egger);
        }
        if (data.peese().isPresent()) {
            PeeseCurve curve = data.peese().get();
            XYSeries peese = new XYSeries(PEESE + " (estimate " + ForestPlot.twoDecimals(curve.intercept()) + ")",
                false, true);
            for (int i = 0; i <= CURVE_POINTS; i++) {
                double se = seMax * i / CURVE_POINTS;
                peese.add(curve.at(se), se);
            }
            lines.addSeries(peese);
        }
        if (lines.getSeriesCount() > 0) {
            XYLineAndShapeRenderer lineRenderer = new ItemIds.XYLines(true, false);
            int s = 0;
            if (data.egger().isPresent()) {
                lineRenderer.setSeriesPaint(s, Style.BLACK);
                lineRenderer.setSeriesStroke(s++, Style.line(3, 1.5f));
            }
            if (data.peese().isPresent()) {
                lineRenderer.setSeriesPaint(s, Style.BLUISH_GREEN);
                lineRenderer.setSeriesStroke(s, Style.line(1, 1.5f));
            }
            plot.setDataset(1, lines);
            plot.setRenderer(1, lineRenderer);
        }
        // the centre line is a marker, which JFreeChart leaves out of the legend: add its entry
        org.jfree.chart.LegendItemCollection legend = plot.getLegendItems();
        legend.add(new org.jfree.chart.LegendItem(centreLabel(data), null, null, null,
            new java.awt.geom.Line2D.Double(-7, 0, 7, 0), new BasicStroke(1f), Style.GREY));
        plot.setFixedLegendItems(legend);
        return new JFreeChart(data.title().isEmpty() ? null : data.title(), Style.TITLE, plot, true);
    }

    /** @return the legend of the centre line: the estimate it marks */
    static String centreLabel(FunnelPlotData data) {
        return "Centre: " + (data.imputedCount() > 0 ? "trim-and-fill" : "pooled") + " estimate "
            + ForestPlot.twoDecimals(data.center());
    }

    /**
     * Writes a funnel plot atomically, as SVG or PNG according to the file's extension.
     *
     * @param file output file (.svg or .png)
     * @param data what to draw
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, FunnelPlotData data) throws IOException {
        of(data).write(file);
    }

    /**
     * Writes a funnel plot atomically in the given format.
     *
     * @param file output file
     * @param data what to draw
     * @param format SVG or PNG
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, FunnelPlotData data, PlotFormat format) throws IOException {
        of(data).write(file, format);
    }
}
