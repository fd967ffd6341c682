package org.alliancelab.meta.subgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alliancelab.meta.golden.GoldenCases;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.regression.Coefficient;
import org.alliancelab.meta.regression.DesignMatrix;
import org.alliancelab.meta.regression.MetaRegression;
import org.alliancelab.meta.regression.MetaRegressionResult;
import org.junit.jupiter.api.Test;

class SubgroupAnalysisTest {

    @Test
    void separateTauSquaredPoolsEachLevelInSortedOrder() {
        // golden/molloy2014.json (metafor's dat.molloy2014), grouped by 'design'
        GoldenCases g = GoldenCases.load("molloy2014.json");
        double[] yi = g.yi("ZCOR");
        double[] vi = g.vi("ZCOR");
        String[] design = g.strings("design");
        RandomEffectsModel model = RandomEffectsModel.of(TauSquaredEstimator.REML);
        SubgroupResult s = SubgroupAnalysis.of(model).fit(yi, vi, design);
        List<Subgroup> groups = s.groups();
        for (int j = 1; j < groups.size(); j++) {
            assertTrue(groups.get(j - 1).level().compareTo(groups.get(j).level()) < 0);
        }
        int total = 0;
        for (Subgroup sg : groups) {
            int n = 0;
            for (String d : design) {
                n += d.equals(sg.level()) ? 1 : 0;
            }
            double[] y = new double[n];
            double[] v = new double[n];
            for (int i = 0, j = 0; i < yi.length; i++) {
                if (design[i].equals(sg.level())) {
                    y[j] = yi[i];
                    v[j++] = vi[i];
                }
            }
            MetaAnalysisResult alone = model.fit(y, v);
            assertEquals(alone.estimate(), sg.result().estimate(), 0.0);
            assertEquals(alone.tau2(), sg.result().tau2(), 0.0);
            total += sg.result().k();
        }
        assertEquals(yi.length, total);
        assertEquals(groups.size() - 1, s.df());
    }

    @Test
    void qBetweenIsTheCommonEffectQOfTheSubgroupEstimates() {
        GoldenCases g = GoldenCases.load("molloy2014.json");
        SubgroupResult s = SubgroupAnalysis.of(RandomEffectsModel.of(TauSquaredEstimator.DL))
            .fit(g.yi("ZCOR"), g.vi("ZCOR"), g.strings("design"));
        int m = s.groups().size();
        double[] est = new double[m];
        double[] var = new double[m];
        for (int j = 0; j < m; j++) {
            est[j] = s.groups().get(j).result().estimate();
            var[j] = Math.pow(s.groups().get(j).result().se(), 2);
        }
        MetaAnalysisResult ce = RandomEffectsModel.of(TauSquaredEstimator.EE).fit(est, var);
        assertEquals(ce.qe(), s.qBetween(), 1e-12 * ce.qe());
        assertTrue(s.pValue() > 0 && s.pValue() < 1);
    }

    @Test
    void commonTauSquaredMatchesTheMetaRegressionOnTheFactor() {
        // golden/molloy2014.json, grouped by study quality (three levels)
        GoldenCases g = GoldenCases.load("molloy2014.json");
        double[] yi = g.yi("ZCOR");
        double[] vi = g.vi("ZCOR");
        String[] quality = g.strings("quality");
        SubgroupResult s = SubgroupAnalysis.of(RandomEffectsModel.of(TauSquaredEstimator.REML))
            .withHeterogeneity(HeterogeneityAssumption.COMMON).fit(yi, vi, quality);
        MetaRegressionResult reg = MetaRegression.of(TauSquaredEstimator.REML)
            .fit(yi, vi, DesignMatrix.builder(yi.length).categorical("quality", quality).build());
        assertEquals(HeterogeneityAssumption.COMMON, s.assumption());
        assertEquals(reg.qmDf(), s.df());
        assertEquals(reg.qm(), s.qBetween(), 1e-9 * reg.qm());
        assertEquals(reg.qmP(), s.pValue(), 1e-9);
        Coefficient intercept = reg.coefficients().get(0);
        Subgroup first = s.groups().get(0);
        assertEquals(intercept.estimate(), first.result().estimate(), 1e-12);
        assertEquals(intercept.se(), first.result().se(), 1e-12);
        for (int j = 1; j < s.groups().size(); j++) {
            Subgroup sg = s.groups().get(j);
            assertEquals(reg.tau2(), sg.result().tau2(), 0.0);
            assertEquals(intercept.estimate() + reg.coefficient("factor(quality)" + sg.level()).estimate(),
                sg.result().estimate(), 1e-12);
        }
    }

    @Test
    void singleLevelHasNoTest() {
        SubgroupResult s = SubgroupAnalysis.of(RandomEffectsModel.of(TauSquaredEstimator.DL))
            .fit(new double[] {0.1, 0.3}, new double[] {0.01, 0.02}, new String[] {"a", "a"});
        assertEquals(0, s.df());
        assertTrue(Double.isNaN(s.pValue()));
        assertEquals("a", s.group("a").level());
    }

    @Test
    void rejectsMismatchedOrMissingLevels() {
        SubgroupAnalysis a = SubgroupAnalysis.of(RandomEffectsModel.of(TauSquaredEstimator.DL));
        assertThrows(IllegalArgumentException.class,
            () -> a.fit(new double[] {0.1, 0.3}, new double[] {0.01, 0.02}, new String[] {"a"}));
        assertThrows(IllegalArgumentException.class,
            () -> a.fit(new double[] {0.1, 0.3}, new double[] {0.01, 0.02}, new String[] {"a", null}));
    }
}
