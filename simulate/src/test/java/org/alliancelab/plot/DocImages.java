package org.alliancelab.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.effectsize.EffectSizes;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Regenerates the forest plot shown in the README (docs/img/forest-molloy2014.svg) from
 * dat.molloy2014 (ri, ni), pooled as ZCOR with REML by the core engine. Runs only on request:
 *
 * <pre>mvn -B -q -pl simulate -am test -Dtest=DocImages -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dalliancelab.docImages=$PWD/docs/img</pre>
 */
class DocImages {

    @Test
    @EnabledIfSystemProperty(named = "alliancelab.docImages", matches = ".+")
    void forestPlotOfMolloy2014() throws Exception {
        Path dir = Path.of(System.getProperty("alliancelab.docImages"));
        Files.createDirectories(dir);
        JsonNode root;
        try (InputStream in = DocImages.class.getResourceAsStream("/golden/molloy2014.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<String> labels = new ArrayList<>();
        JsonNode studies = root.get("studies");
        double[] yi = new double[studies.size()];
        double[] vi = new double[studies.size()];
        for (int i = 0; i < studies.size(); i++) {
            JsonNode s = studies.get(i);
            labels.add(s.get("study").asText());
            yi[i] = EffectSizes.yi(CorrelationMeasure.ZCOR, s.get("ri").asDouble());
            vi[i] = EffectSizes.vi(CorrelationMeasure.ZCOR, s.get("ri").asDouble(), s.get("ni").asInt(), 0);
        }
        MetaAnalysisResult fit = RandomEffectsModel.of(TauSquaredEstimator.REML).fit(yi, vi);
        ForestPlotData data = ForestPlotData.forPool(labels, yi, vi, fit, CorrelationMeasure.ZCOR)
            .withTitle("Conscientiousness and medication adherence (Molloy et al. 2014)");
        ForestPlot.write(dir.resolve("forest-molloy2014.svg"), data);
    }
}
