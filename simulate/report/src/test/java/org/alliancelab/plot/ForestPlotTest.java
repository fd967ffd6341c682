package org.alliancelab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Structural tests of the forest plot's SVG. Input: dat.molloy2014 (16 studies) with the REML
 * fit that metafor 3.8-1 reports (golden/molloy2014.json, case pool/ZCOR/REML/z).
 */
class ForestPlotTest {

    private static List<String> labels = new ArrayList<>();
    static double[] yi;
    static double[] vi;
    static MetaAnalysisResult reml;

    @BeforeAll
    static void load() throws Exception {
        if (reml != null) {
            return;
        }
        JsonNode root;
        try (InputStream in = ForestPlotTest.class.getResourceAsStream("/golden/molloy2014.json")) {
            root = new ObjectMapper().readTree(in);
        }
        JsonNode studies = root.get("studies");
        yi = new double[studies.size()];
        vi = new double[studies.size()];
        for (int i = 0; i < studies.size(); i++) {
            labels.add(studies.get(i).get("study").asText());
            yi[i] = studies.get(i).get("yi_ZCOR").asDouble();
            vi[i] = studies.get(i).get("vi_ZCOR").asDouble();
        }
        for (JsonNode c : root.get("cases")) {
            if (c.get("kind").asText().equals("pool") && c.get("measure").asText().equals("ZCOR")
                && c.get("method").asText().equals("REML") && c.get("test").asText().equals("z")) {
                reml = fromGolden(c.get("expected"), TauSquaredEstimator.REML);
            }
        }
    }

    static MetaAnalysisResult fromGolden(JsonNode e, TauSquaredEstimator method) {
        return new MetaAnalysisResult(e.get("k").asInt(), method, InferenceTest.Z, 0.95,
            e.get("estimate").asDouble(), e.get("se").asDouble(), e.get("zval").asDouble(),
            e.get("pval").asDouble(), e.get("ci_lb").asDouble(), e.get("ci_ub").asDouble(),
            e.get("tau2").asDouble(), e.get("tau2_se").asDouble(), e.get("I2").asDouble(),
            e.get("H2").asDouble(), e.get("QE").asDouble(), e.get("QEp").asDouble(),
            e.get("pi_lb").asDouble(), e.get("pi_ub").asDouble(), 0);
    }

    static List<String> labels() throws Exception {
        load();
        return labels;
    }

    static double[] yi() throws Exception {
        load();
        return yi.clone();
    }

    static double[] vi() throws Exception {
        load();
        return vi.clone();
    }

    static ForestPlotData molloy(EffectScale scale) {
        return ForestPlotData.of(scale, 0.95, List.of(ForestPanel.of("", labels, yi, vi, reml)));
    }

    /** Maps an x pixel to a data value using the first and last labelled tick. */
    static final class Axis {
        final double x0;
        final double x1;
        final double v0;
        final double v1;

        Axis(SvgDocument svg, String prefix) {
            List<Element> ticks = svg.byIdPrefix(prefix + "x-tick-label-");
            List<Element> tickLines = new ArrayList<>();
            for (int j = 0; j < ticks.size(); j++) {
                tickLines.add(svg.byId(prefix + "x-tick-" + j));
            }
            assertTrue(ticks.size() >= 3, "at least three labelled ticks");
            x0 = SvgDocument.attr(tickLines.get(0), "x1");
            x1 = SvgDocument.attr(tickLines.get(ticks.size() - 1), "x1");
            v0 = Double.parseDouble(ticks.get(0).getTextContent());
            v1 = Double.parseDouble(ticks.get(ticks.size() - 1).getTextContent());
        }

        double value(double x) {
            return v0 + (x - x0) / (x1 - x0) * (v1 - v0);
        }

        /** @return the value one pixel spans */
        double pixel() {
            return Math.abs(v1 - v0) / Math.abs(x1 - x0);
        }
    }

    @Test
    void oneMarkerAndOneIntervalPerStudy() throws Exception {
        TargetFiles.save("forest-molloy2014", ForestPlot.of(molloy(EffectScale.FISHER_Z_TO_CORRELATION)));
        SvgDocument svg = SvgDocument.parse(ForestPlot.of(molloy(EffectScale.FISHER_Z_TO_CORRELATION)).toSvgDocument());
        assertEquals(16, svg.byIdPrefix("fig-study-marker-0-").size());
        assertEquals(16, svg.byIdPrefix("fig-study-ci-0-").size());
        assertEquals(1, svg.byIdPrefix("fig-pooled-diamond-").size());
        assertEquals(1, svg.byIdPrefix("fig-prediction-interval-").size());
    }

    @Test
    void markersSitAtTheBackTransformedEstimatesAndAreaFollowsWeight() throws Exception {
        SvgDocument svg = SvgDocument.parse(ForestPlot.of(molloy(EffectScale.FISHER_Z_TO_CORRELATION)).toSvgDocument());
        Axis axis = new Axis(svg, "fig-");
        double[] w = new double[16];
        double wMax = 0;
        for (int i = 0; i < 16; i++) {
            w[i] = 1 / (vi[i] + reml.tau2());
            wMax = Math.max(wMax, w[i]);
        }
        for (int i = 0; i < 16; i++) {
            Element m = svg.byId("fig-study-marker-0-" + i);
            double side = SvgDocument.attr(m, "width");
            double cx = SvgDocument.attr(m, "x") + side / 2;
            assertEquals(Math.tanh(yi[i]), axis.value(cx), 1.5 * axis.pixel(), "study " + i);
            // Side = 16 px * sqrt(w / w_max), floored at 4 px.
            assertEquals(Math.max(4, 16 * Math.sqrt(w[i] / wMax)), side, 0.05, "marker size of study " + i);
        }
    }

    @Test
    void diamondSpansThePooledConfidenceIntervalOnTheCorrelationScale() throws Exception {
        SvgDocument svg = SvgDocument.parse(ForestPlot.of(molloy(EffectScale.FISHER_Z_TO_CORRELATION)).toSvgDocument());
        Axis axis = new Axis(svg, "fig-");
        double[] d = SvgDocument.pathPoints(svg.byId("fig-pooled-diamond-0"));
        // Vertices: left tip, top, right tip, bottom.
        double tol = 1.5 * axis.pixel();
        // metafor 3.8-1 transf.ztor of the REML fit (golden r, r_ci_lb, r_ci_ub)
        assertEquals(Math.tanh(reml.ciLower()), axis.value(d[0]), tol);
        assertEquals(Math.tanh(reml.estimate()), axis.value(d[2]), tol);
        assertEquals(Math.tanh(reml.ciUpper()), axis.value(d[4]), tol);
        assertEquals(d[2], d[6], 1e-9, "top and bottom vertices share the estimate");
    }

    @Test
    void axisContainsEveryIntervalAndTheNull() throws Exception {
        for (EffectScale scale : EffectScale.values()) {
            SvgDocument svg = SvgDocument.parse(ForestPlot.of(molloy(scale)).toSvgDocument());
            Axis axis = new Axis(svg, "fig-");
            double lo = Math.min(axis.v0, axis.v1);
            double hi = Math.max(axis.v0, axis.v1);
            assertTrue(lo <= 0 && hi >= 0, "null value on the axis");
            for (int i = 0; i < 16; i++) {
                double half = 1.959963984540054 * Math.sqrt(vi[i]);
                assertTrue(lo <= scale.display(yi[i] - half) && scale.display(yi[i] + half) <= hi,
                    scale + ": CI of study " + i + " inside the axis [" + lo + ", " + hi + "]");
            }
            assertTrue(lo <= scale.display(reml.piLower()) && scale.display(reml.piUpper()) <= hi);
        }
    }

    @Test
    void subgroupPanelsEachGetTheirStudiesAndDiamond() throws Exception {
        ForestPanel a = ForestPanel.of("Cross-sectional", labels.subList(0, 2),
            new double[] {yi[0], yi[1]}, new double[] {vi[0], vi[1]}, withK(reml, 2));
        ForestPanel b = ForestPanel.of("Prospective", labels.subList(2, 5),
            new double[] {yi[2], yi[3], yi[4]}, new double[] {vi[2], vi[3], vi[4]}, withK(reml, 3));
        ForestPlotData data = ForestPlotData.of(EffectScale.FISHER_Z_TO_CORRELATION, 0.95, List.of(a, b))
            .withTitle("By design");
        SvgDocument svg = SvgDocument.parse(ForestPlot.of(data).toSvgDocument());
        assertEquals(2, svg.byIdPrefix("fig-study-marker-0-").size());
        assertEquals(3, svg.byIdPrefix("fig-study-marker-1-").size());
        assertEquals(2, svg.byIdPrefix("fig-pooled-diamond-").size());
        String text = svg.doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("Cross-sectional") && text.contains("Prospective") && text.contains("By design"));
    }

    @Test
    void summaryLineNamesEstimatorTauI2AndQ() {
        String line = ForestPlot.summaryLine(ForestSummary.of(reml));
        // Values from golden/molloy2014.json (metafor 3.8-1, REML): tau2 0.0081, I2 61.7%, QE 38.16 on 15 df
        assertTrue(line.startsWith("REML: \u03c4\u00b2 = 0.0081"), line);
        assertTrue(line.contains("I\u00b2 = 61.7%"), line);
        assertTrue(line.contains("Q(15) = 38.16, p < 0.001"), line);
    }

    @Test
    void writesSvgAndPngChosenByExtension(@TempDir Path dir) throws Exception {
        ForestPlotData data = molloy(EffectScale.FISHER_Z_TO_CORRELATION);
        Path svg = dir.resolve("forest.svg");
        Path png = dir.resolve("forest.PNG");
        ForestPlot.write(svg, data);
        ForestPlot.write(png, data);
        assertTrue(Files.readString(svg).contains("<svg"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
        Figure fig = ForestPlot.of(data);
        assertEquals(2 * fig.width(), image.getWidth());
        assertEquals(2 * fig.height(), image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "PNG has drawn content, colours: " + colours.size());
        assertThrows(IllegalArgumentException.class, () -> ForestPlot.write(dir.resolve("forest.pdf"), data));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void forPoolBackTransformsFisherZAndCentresTheDiamondOnTheFit() throws Exception {
        // The fit comes from the core engine; metafor 3.8-1 gives estimate 0.1499171485175 (REML,
        // golden/molloy2014.json), which the core tests check to 1e-6.
        MetaAnalysisResult fit = RandomEffectsModel.of(TauSquaredEstimator.REML).fit(yi, vi);
        assertEquals(reml.estimate(), fit.estimate(), 1e-6);
        ForestPlotData data = ForestPlotData.forPool(labels, yi, vi, fit, CorrelationMeasure.ZCOR);
        assertEquals(EffectScale.FISHER_Z_TO_CORRELATION, data.scale());
        assertEquals("Correlation r (back-transformed from Fisher's z)", data.axisLabel());
        SvgDocument svg = SvgDocument.parse(ForestPlot.of(data).toSvgDocument());
        Axis axis = new Axis(svg, "fig-");
        double[] d = SvgDocument.pathPoints(svg.byId("fig-pooled-diamond-0"));
        assertEquals(Math.tanh(fit.estimate()), axis.value(d[2]), 1.5 * axis.pixel());

        ForestPlotData cor = ForestPlotData.forPool(labels, yi, vi, fit, CorrelationMeasure.PCOR);
        assertEquals(EffectScale.AS_ANALYSED, cor.scale());
        assertEquals("Partial correlation r", cor.axisLabel());
    }

    @Test
    void rejectsAStudyWhoseIntervalMissesItsEstimate() {
        assertThrows(IllegalArgumentException.class, () -> new ForestStudy("x", 0.5, 0.6, 0.7, 1));
        assertThrows(IllegalArgumentException.class, () -> new ForestStudy("x", Double.NaN, 0.6, 0.7, 1));
        assertThrows(IllegalArgumentException.class,
            () -> ForestPanel.of("", labels.subList(0, 3), yi, vi, reml));
    }

    private static MetaAnalysisResult withK(MetaAnalysisResult r, int k) {
        return new MetaAnalysisResult(k, r.estimator(), r.test(), r.level(), r.estimate(), r.se(),
            r.statistic(), r.pValue(), r.ciLower(), r.ciUpper(), r.tau2(), r.tau2Se(), r.i2(), r.h2(),
            r.qe(), r.qeP(), r.piLower(), r.piUpper(), r.iterations());
    }
}
