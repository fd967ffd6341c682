package org.alliancelab.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.LevelRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;

/**
 * JFreeChart renderers that wrap each data item in an SVG group with a predictable id,
 * {@code <chart id>-d<dataset>-s<series>-i<item>} (category plots: {@code -c<column>} for the
 * item), so that the parts of a chart can be found in its SVG. (JFreeChart's own element
 * hinting covers only a few renderers.)
 */
final class ItemIds {

    private ItemIds() {
    }

    static String id(Plot plot, int dataset, int series, String item) {
        JFreeChart chart = plot.getChart();
        String chartId = chart == null || chart.getID() == null ? "chart" : chart.getID();
        return chartId + "-d" + dataset + "-s" + series + "-" + item;
    }

    /** Scatter and line series. */
    static class XYLines extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;

        XYLines(boolean lines, boolean shapes) {
            super(lines, shapes);
            // one path per series: drawn segment by segment, a dash pattern restarts at every
            // point and a curve of short segments (PEESE's) looks solid
            setDrawSeriesLineAsPath(true);
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea,
                             PlotRenderingInfo info, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
                             XYDataset dataset, int series, int item, CrosshairState crosshairState, int pass) {
            boolean wrap = isItemPass(pass) && getItemShapeVisible(series, item);
            if (wrap) {
                SvgIds.beginGroup(g2, id(plot, plot.indexOf(dataset), series, "i" + item));
            }
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                crosshairState, pass);
            if (wrap) {
                SvgIds.endGroup(g2);
            }
        }
    }

    /** Points with vertical error bars. */
    static class XYErrors extends XYErrorRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea,
                             PlotRenderingInfo info, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
                             XYDataset dataset, int series, int item, CrosshairState crosshairState, int pass) {
            // XYErrorRenderer draws the error bar in pass 0 and the marker in the item pass.
            SvgIds.beginGroup(g2, id(plot, plot.indexOf(dataset), series, "p" + pass + "-i" + item));
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                crosshairState, pass);
            SvgIds.endGroup(g2);
        }
    }

    /** Box-and-whisker summaries per category. */
    static class Boxes extends BoxAndWhiskerRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
                             CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis,
                             CategoryDataset dataset, int row, int column, int pass) {
            SvgIds.beginGroup(g2, id(plot, plot.indexOf(dataset), row, "c" + column));
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            SvgIds.endGroup(g2);
        }
    }

    /** Horizontal reference levels per category. */
    static class Levels extends LevelRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
                             CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis,
                             CategoryDataset dataset, int row, int column, int pass) {
            if (dataset.getValue(row, column) == null) {
                return;
            }
            SvgIds.beginGroup(g2, id(plot, plot.indexOf(dataset), row, "c" + column));
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            SvgIds.endGroup(g2);
        }
    }

    /** Means with error bars per category. */
    static class MeansWithErrors extends StatisticalLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;

        MeansWithErrors(boolean lines, boolean shapes) {
            super(lines, shapes);
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
                             CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis,
                             CategoryDataset dataset, int row, int column, int pass) {
            if (dataset.getValue(row, column) == null) {
                return;
            }
            SvgIds.beginGroup(g2, id(plot, plot.indexOf(dataset), row, "c" + column + "-p" + pass));
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            SvgIds.endGroup(g2);
        }
    }
}
