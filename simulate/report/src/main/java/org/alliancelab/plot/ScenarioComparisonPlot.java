package org.alliancelab.plot;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Two (or more) simulated worlds side by side against the figures a synthesis reported: one row
 * per reported figure (e.g. "Pooled r, all studies"), per world a marker at the Monte Carlo mean
 * with a bar of &plusmn;1.96 empirical SEs (the range in which about 95% of single
 * meta-analyses in that world fall), and the reported value as a black cross.
 *
 * <p>Drawn with JFreeChart: a horizontal category plot with a statistical line-and-shape
 * renderer (lines off). SVG ids: world S, row C: {@code chart-d0-sS-cC-p*}; reported value of
 * row C: {@code chart-d1-s0-cC-p*}.
 */
public final class ScenarioComparisonPlot {

    /** Bars span this many empirical SEs either side of the mean. */
    public static final double SPREAD_MULTIPLIER = 1.959963984540054;

    private ScenarioComparisonPlot() {
    }

    /**
     * One world's result for one figure.
     *
     * @param mean the Monte Carlo mean of the pooled estimate
     * @param empiricalSe the SD of the pooled estimate across replications
     */
    public record WorldValue(double mean, double empiricalSe) {
    }

    /**
     * One reported figure.
     *
     * @param label e.g. "Adjusted r (66 studies)"
     * @param reported the synthesis's value (NaN for none)
     * @param worlds one value per world, in the order of {@link Data#worlds()} (NaN mean: absent)
     */
    public record Row(String label, double reported, List<WorldValue> worlds) {
        /** Copies the list. */
        public Row {
            Objects.requireNonNull(label, "label");
            worlds = List.copyOf(worlds);
        }
    }

    /**
     * @param title title, or "" for none
     * @param valueLabel value axis label, e.g. "Correlation r"
     * @param worlds world (scenario) names, e.g. ["fluckiger2018", "fluckiger2018-null"]
     * @param reportedLabel legend entry of the reported values, e.g. "Flückiger et al. (2018)"
     * @param rows the figures compared
     */
    public record Data(String title, String valueLabel, List<String> worlds, String reportedLabel, List<Row> rows) {
        /** Checks every row has one value per world. */
        public Data {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(valueLabel, "valueLabel");
            Objects.requireNonNull(reportedLabel, "reportedLabel");
            worlds = List.copyOf(worlds);
            rows = List.copyOf(rows);
            if (rows.isEmpty() || worlds.isEmpty()) {
                throw new IllegalArgumentException("a comparison needs at least one world and one row");
            }
            for (Row r : rows) {
                if (r.worlds().size() != worlds.size()) {
                    throw new IllegalArgumentException("row " + r.label() + " has " + r.worlds().size()
                        + " values for " + worlds.size() + " worlds");
                }
            }
        }
    }

    /**
     * @param data what to draw
     * @param width nominal width in pixels
     * @return the figure
     */
    public static Figure of(Data data, int width) {
        int height = 60 * data.rows().size() + 120 + (data.title().isEmpty() ? 0 : 30);
        return Charts.figure(() -> chart(data), width, height);
    }

    private static JFreeChart chart(Data data) {
        DefaultStatisticalCategoryDataset worlds = new DefaultStatisticalCategoryDataset();
        DefaultStatisticalCategoryDataset reported = new DefaultStatisticalCategoryDataset();
        for (Row r : data.rows()) {
            for (int w = 0; w < data.worlds().size(); w++) {
                WorldValue v = r.worlds().get(w);
                if (Double.isFinite(v.mean())) {
                    double sd = Double.isFinite(v.empiricalSe()) ? SPREAD_MULTIPLIER * v.empiricalSe() : 0.0;
                    worlds.add(v.mean(), sd, data.worlds().get(w), r.label());
                } else {
                    worlds.add((Number) null, (Number) null, data.worlds().get(w), r.label());
                }
            }
            reported.add(Double.isFinite(r.reported()) ? Double.valueOf(r.reported()) : null, Double.valueOf(0.0),
                data.reportedLabel(), r.label());
        }
        CategoryAxis categories = new CategoryAxis(null);
        categories.setMaximumCategoryLabelWidthRatio(0.35f);
        categories.setMaximumCategoryLabelLines(2);
        NumberAxis values = new NumberAxis(data.valueLabel());
        values.setAutoRangeIncludesZero(true);
        StatisticalLineAndShapeRenderer worldRenderer = new ItemIds.MeansWithErrors(false, true);
        worldRenderer.setUseSeriesOffset(true);
        worldRenderer.setItemMargin(0.35);
        for (int w = 0; w < data.worlds().size(); w++) {
            worldRenderer.setSeriesPaint(w, Style.series(w));
            worldRenderer.setSeriesShape(w, Style.marker(w, 4.5));
        }
        StatisticalLineAndShapeRenderer reportedRenderer = new ItemIds.MeansWithErrors(false, true);
        reportedRenderer.setSeriesPaint(0, Style.BLACK);
        reportedRenderer.setSeriesShape(0, cross());
        reportedRenderer.setSeriesShapesFilled(0, true);
        CategoryPlot plot = new CategoryPlot(worlds, categories, values, worldRenderer);
        plot.setDataset(1, reported);
        plot.setRenderer(1, reportedRenderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.addRangeMarker(new ValueMarker(0, Style.GREY, new BasicStroke(1f)));
        JFreeChart chart = new JFreeChart(data.title().isEmpty() ? null : data.title(), Style.TITLE, plot, true);
        TextTitle note = new TextTitle("Markers: Monte Carlo mean of the pooled estimate; bars: \u00b11.96 empirical SE "
            + "(where about 95% of single meta-analyses fall)", Style.SMALL);
        note.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(note);
        return chart;
    }

    private static java.awt.Shape cross() {
        double s = 5;
        double t = 1.3;
        return Style.polygon(-s, -t, -t, -t, -t, -s, t, -s, t, -t, s, -t, s, t, t, t, t, s, -t, s, -t, t, -s, t);
    }
}
