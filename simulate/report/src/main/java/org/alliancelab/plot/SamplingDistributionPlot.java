package org.alliancelab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The sampling distribution of pooled estimates across Monte Carlo replications: one panel per
 * condition (shared x axis), an outline histogram per analysis (common bins across all panels,
 * so heights compare), and vertical reference lines at the population values. Reference k is
 * drawn dashed in the colour of sample k (so "truth: unadjusted" matches the unadjusted
 * histogram); references beyond the samples are solid black (e.g. the causal value).
 *
 * <p>Drawn with JFreeChart: a combined-domain XY plot of staircase line series and value markers.
 */
public final class SamplingDistributionPlot {

    static final int BINS = 40;
    private static final int PANEL_HEIGHT = 130;

    private SamplingDistributionPlot() {
    }

    /**
     * @param name legend entry, e.g. "Unadjusted r (all studies)"
     * @param values the pooled estimate of each replication (NaN for failed ones, skipped)
     */
    public record Sample(String name, double[] values) {
        /** Copies the array. */
        public Sample {
            Objects.requireNonNull(name, "name");
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /**
     * @param name legend entry, e.g. "Truth: causal"
     * @param value the population value
     */
    public record Reference(String name, double value) {
    }

    /**
     * One condition.
     *
     * @param label e.g. "reliability of early_change = 0.6"
     * @param samples one sample per analysis, the same analyses in every panel
     * @param references the population values, the same names in every panel
     */
    public record Panel(String label, List<Sample> samples, List<Reference> references) {
        /** Copies the lists. */
        public Panel {
            Objects.requireNonNull(label, "label");
            samples = List.copyOf(samples);
            references = List.copyOf(references);
        }
    }

    /**
     * @param title title, or "" for none
     * @param valueLabel x-axis label, e.g. "Pooled correlation r"
     * @param panels one per condition, at least one
     */
    public record Data(String title, String valueLabel, List<Panel> panels) {
        /** Copies the list. */
        public Data {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(valueLabel, "valueLabel");
            panels = List.copyOf(panels);
            if (panels.isEmpty()) {
                throw new IllegalArgumentException("a sampling-distribution plot needs at least one panel");
            }
        }
    }

    /**
     * @param data what to draw
     * @param width nominal width in pixels
     * @return the figure, {@value #PANEL_HEIGHT} pixels high per panel plus axis and legend
     */
    public static Figure of(Data data, int width) {
        int height = PANEL_HEIGHT * data.panels().size() + 110 + (data.title().isEmpty() ? 0 : 30);
        return Charts.figure(() -> chart(data), width, height);
    }

    /**
     * Counts finite values into {@code bins} equal bins over [lower, upper]; values outside are
     * clamped into the end bins, NaN is skipped.
     */
    static int[] histogram(double[] values, double lower, double upper, int bins) {
        int[] counts = new int[bins];
        double width = (upper - lower) / bins;
        for (double v : values) {
            if (Double.isFinite(v)) {
                int b = (int) Math.floor((v - lower) / width);
                counts[Math.max(0, Math.min(bins - 1, b))]++;
            }
        }
        return counts;
    }

    private static JFreeChart chart(Data data) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Panel p : data.panels()) {
            for (Sample s : p.samples()) {
                for (double v : s.values) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            for (Reference r : p.references()) {
                if (Double.isFinite(r.value())) {
                    min = Math.min(min, r.value());
                    max = Math.max(max, r.value());
                }
            }
        }
        if (!(max > min)) {
            min = Double.isFinite(min) ? min - 0.05 : -0.05;
            max = Double.isFinite(max) ? max + 0.05 : 0.05;
        }
        double pad = 0.03 * (max - min);
        double lower = min - pad;
        double upper = max + pad;
        double binWidth = (upper - lower) / BINS;

        NumberAxis x = new NumberAxis(data.valueLabel());
        x.setAutoRangeIncludesZero(false);
        x.setRange(lower, upper);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(8);
        int sampleCount = 0;
        int referenceCount = 0;
        for (Panel p : data.panels()) {
            XYSeriesCollection stairs = new XYSeriesCollection();
            for (Sample s : p.samples()) {
                int[] counts = histogram(s.values, lower, upper, BINS);
                XYSeries series = new XYSeries(s.name(), false, true);
                series.add(lower, 0);
                for (int b = 0; b < BINS; b++) {
                    series.add(lower + b * binWidth, counts[b]);
                    series.add(lower + (b + 1) * binWidth, counts[b]);
                }
                series.add(upper, 0);
                stairs.addSeries(series);
            }
            sampleCount = Math.max(sampleCount, p.samples().size());
            referenceCount = Math.max(referenceCount, p.references().size());
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            // One SVG path per histogram instead of one element per step.
            renderer.setDrawSeriesLineAsPath(true);
            for (int i = 0; i < p.samples().size(); i++) {
                renderer.setSeriesPaint(i, Style.series(i));
                renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 1.6f : 1.3f));
            }
            NumberAxis y = new NumberAxis("Replications");
            y.setAutoRangeIncludesZero(true);
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            y.setLabelFont(Style.SMALL);
            XYPlot sub = new XYPlot(stairs, null, y, renderer);
            Charts.style(sub);
            for (int r = 0; r < p.references().size(); r++) {
                Reference ref = p.references().get(r);
                if (Double.isFinite(ref.value())) {
                    sub.addDomainMarker(new ValueMarker(ref.value(), referencePaint(r, p.samples().size()),
                        referenceStroke(r, p.samples().size())));
                }
            }
            TextTitle label = new TextTitle(p.label(), Style.SMALL);
            label.setBackgroundPaint(new Color(255, 255, 255, 220));
            label.setPadding(new RectangleInsets(2, 4, 2, 4));
            sub.addAnnotation(new XYTitleAnnotation(0.005, 0.98, label, RectangleAnchor.TOP_LEFT));
            combined.add(sub, 1);
        }
        LegendItemCollection legend = new LegendItemCollection();
        Panel first = data.panels().get(0);
        for (int i = 0; i < first.samples().size(); i++) {
            legend.add(lineItem(first.samples().get(i).name(), Style.series(i), new BasicStroke(i == 0 ? 1.6f : 1.3f)));
        }
        for (int r = 0; r < first.references().size(); r++) {
            legend.add(lineItem(first.references().get(r).name(), referencePaint(r, sampleCount),
                referenceStroke(r, sampleCount)));
        }
        combined.setFixedLegendItems(legend);
        return new JFreeChart(data.title().isEmpty() ? null : data.title(), Style.TITLE, combined, true);
    }

    private static LegendItem lineItem(String name, Color paint, Stroke stroke) {
        LegendItem item = new LegendItem(name, null, null, null, new Line2D.Double(-12, 0, 12, 0), stroke, paint);
        item.setLabelFont(Style.PLAIN);
        return item;
    }

    static Color referencePaint(int r, int samples) {
        return r < samples ? Style.series(r) : Style.BLACK;
    }

    static Stroke referenceStroke(int r, int samples) {
        return r < samples ? Style.line(1, 1.5f) : new BasicStroke(2f);
    }
}
