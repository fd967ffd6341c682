package org.alliancelab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** House style for JFreeChart charts, and their conversion to a {@link Figure}. */
final class Charts {

    static {
        // JFreeChart draws rotated labels (the y-axis title) as glyph outlines by default, a
        // workaround for a JDK 1.4 bug; as text they stay selectable and small in SVG. The
        // setting is JFreeChart's own JVM-wide constant, always set to the same value here.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private Charts() {
    }

    /**
     * Wraps a chart as a figure. The chart's id is set to the figure's id prefix + "chart" at
     * each rendering, so {@link ItemIds} renderers give items ids unique within an HTML page.
     */
    static Figure figure(Supplier<JFreeChart> charts, int width, int height) {
        return Figure.ofPainter(width, height, (g2, idPrefix) -> {
            // A fresh chart per rendering: JFreeChart objects are mutable, figures are not.
            JFreeChart chart = style(charts.get());
            chart.setID(idPrefix + "chart");
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        });
    }

    /** Applies white background, light grid, logical fonts and a bottom legend. */
    static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(Style.TITLE);
            title.setPaint(Style.BLACK);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(Style.PLAIN);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setBackgroundPaint(Color.WHITE);
        }
        Plot plot = chart.getPlot();
        style(plot);
        return chart;
    }

    static void style(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Style.GREY);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Style.GRID);
            xy.setRangeGridlinePaint(Style.GRID);
            xy.setDomainGridlineStroke(new BasicStroke(0.5f));
            xy.setRangeGridlineStroke(new BasicStroke(0.5f));
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i));
            }
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(Style.GRID);
            cat.setRangeGridlineStroke(new BasicStroke(0.5f));
            axis(cat.getDomainAxis());
            for (int i = 0; i < cat.getRangeAxisCount(); i++) {
                axis(cat.getRangeAxis(i));
            }
        }
    }

    static void axis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(Style.PLAIN);
        axis.setTickLabelFont(Style.SMALL);
        axis.setLabelPaint(Style.BLACK);
        axis.setTickLabelPaint(Style.BLACK);
        axis.setAxisLinePaint(Style.GREY);
    }

}
