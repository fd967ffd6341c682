package org.alliancelab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.api.Test;

/** Structural tests of the funnel plot's SVG, on dat.molloy2014 (golden/molloy2014.json yi_ZCOR, vi_ZCOR). */
class FunnelPlotTest {

    // The filled studies and Egger coefficients below are made-up plot inputs: the test checks
    // where they are drawn, not how they were estimated.
    static FunnelPlotData molloyWithFilled() throws Exception {
        return FunnelPlotData.of("Fisher's z", ForestPlotTest.labels(), ForestPlotTest.yi(), ForestPlotTest.vi(), 0.15)
            .withFilled(new double[] {-0.05, 0.02}, new double[] {0.01, 0.015}, 0.13)
            .withEgger(new EggerLine(0.09, 0.9));
    }

    @Test
    void observedAndImputedStudiesAreSeparateSeriesWithOneMarkerEach() throws Exception {
        Figure f = FunnelPlot.of(molloyWithFilled());
        TargetFiles.save("funnel-molloy2014", f);
        SvgDocument svg = SvgDocument.parse(f.toSvgDocument());
        assertEquals(16, svg.byIdPrefix("fig-chart-d0-s0-i").size());
        assertEquals(2, svg.byIdPrefix("fig-chart-d0-s1-i").size());
        String text = svg.doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("Standard error") && text.contains("Fisher's z"), "axis labels");
        assertTrue(text.contains("k0 = 2") && text.contains("Egger line"), "legend");
        assertTrue(text.contains("Centre: trim-and-fill estimate 0.13"), "the centre line's legend entry: " + text);
    }

    @Test
    void peeseCurveJoinsEggersLineAsPet() throws Exception {
        FunnelPlotData data = molloyWithFilled().withPeese(new PeeseCurve(0.117, 4.19));
        Figure f = FunnelPlot.of(data);
        TargetFiles.save("funnel-molloy2014-pet-peese", f);
        String text = SvgDocument.parse(f.toSvgDocument()).doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("Egger line = PET (limit estimate 0.09)"), "PET is Egger's line");
        assertTrue(text.contains("PEESE curve (estimate 0.12)"), "PEESE legend");
        // the dashed curve is one path: drawn segment by segment, each short segment restarted the
        // dash pattern and the curve looked solid beside its dashed legend entry
        java.util.regex.Matcher curve = java.util.regex.Pattern.compile("<g style='[^']*stroke:rgb\\(0,158,115\\)"
            + "[^']*stroke-dasharray[^']*'[^>]*>(.*?)</g>", java.util.regex.Pattern.DOTALL).matcher(f.toSvgDocument());
        int longest = 0;
        while (curve.find()) {
            String group = curve.group(1);
            int paths = group.split("<path", -1).length - 1;
            int segments = group.split("L", -1).length - 1;
            if (segments > longest) {
                longest = segments;
                assertEquals(1, paths, "the PEESE curve as one path: " + group);
            }
        }
        assertTrue(longest >= 40, "the PEESE curve's segments in its path: " + longest);
        assertEquals(0.117 + 4.19 * 0.01, new PeeseCurve(0.117, 4.19).at(0.1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new PeeseCurve(Double.NaN, 1));
    }

    @Test
    void markersLieOnOneLinearMapWithPreciseStudiesOnTop() throws Exception {
        FunnelPlotData data = molloyWithFilled();
        SvgDocument svg = SvgDocument.parse(FunnelPlot.of(data).toSvgDocument());
        List<double[]> pixels = new ArrayList<>();
        List<FunnelStudy> studies = new ArrayList<>();
        int observed = 0;
        int imputed = 0;
        for (FunnelStudy s : data.studies()) {
            String id = s.imputed() ? "fig-chart-d0-s1-i" + imputed++ : "fig-chart-d0-s0-i" + observed++;
            pixels.add(SvgDocument.centre(svg.byId(id)));
            studies.add(s);
        }
        // Fit x = a + b * estimate and y = c + d * se from two studies, check every other one.
        int p = 0;
        int q = 1;
        double b = (pixels.get(q)[0] - pixels.get(p)[0]) / (studies.get(q).estimate() - studies.get(p).estimate());
        double d = (pixels.get(q)[1] - pixels.get(p)[1]) / (studies.get(q).se() - studies.get(p).se());
        assertTrue(b > 0, "estimate grows to the right");
        assertTrue(d > 0, "SE axis inverted: larger SE lower on the page (larger SVG y)");
        for (int i = 0; i < studies.size(); i++) {
            double x = pixels.get(p)[0] + b * (studies.get(i).estimate() - studies.get(p).estimate());
            double y = pixels.get(p)[1] + d * (studies.get(i).se() - studies.get(p).se());
            assertEquals(x, pixels.get(i)[0], 0.6, "x of " + studies.get(i).label());
            assertEquals(y, pixels.get(i)[1], 0.6, "y of " + studies.get(i).label());
        }
    }

    @Test
    void forBiasNamesTheAxisAfterTheMeasureAndCentresOnTheFit() throws Exception {
        MetaAnalysisResult fit = RandomEffectsModel.of(TauSquaredEstimator.REML).fit(ForestPlotTest.yi(), ForestPlotTest.vi());
        FunnelPlotData z = FunnelPlotData.forBias(ForestPlotTest.labels(), ForestPlotTest.yi(), ForestPlotTest.vi(), fit,
            CorrelationMeasure.ZCOR);
        assertEquals("Fisher's z of the correlation", z.axisLabel());
        assertEquals(fit.estimate(), z.center());
        assertEquals(16, z.studies().size());
        assertEquals(0, z.imputedCount());
        assertEquals("Partial correlation r", FunnelPlotData.forBias(ForestPlotTest.labels(), ForestPlotTest.yi(),
            ForestPlotTest.vi(), fit, CorrelationMeasure.PCOR).axisLabel());
    }

    @Test
    void eggerLineIsOptional() throws Exception {
        FunnelPlotData plain = FunnelPlotData.of("Fisher's z", ForestPlotTest.labels(), ForestPlotTest.yi(),
            ForestPlotTest.vi(), 0.15);
        String svg = FunnelPlot.of(plain).toSvgDocument();
        assertTrue(!svg.contains("Egger") && !svg.contains("trim-and-fill"));
        assertTrue(svg.contains("Centre: pooled estimate 0.15"), "the centre line's legend entry");
        assertThrows(IllegalArgumentException.class, () -> new FunnelStudy("x", 0.1, 0, false));
    }
}
