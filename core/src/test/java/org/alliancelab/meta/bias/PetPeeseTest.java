package org.alliancelab.meta.bias;

import static org.alliancelab.meta.golden.GoldenCases.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.meta.regression.Coefficient;
import org.alliancelab.meta.regression.MetaRegression;
import org.alliancelab.meta.regression.MetaRegressionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PET and PEESE against metafor 3.8-1: {@code selection/petpeese_*.json} ({@code rma(yi, vi, mods =
 * ~ sqrt(vi))} and {@code ~ vi}, REML or EE, threshold 1e-12), every coefficient to 1e-6 relative,
 * and the conditional rule's choice; both branches occur among the files.
 */
class PetPeeseTest {

    private static final double TOL = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"molloy2014", "cohen1981", "crede2010", "synthetic_k300", "selected_k66", "selected_k66_ee"})
    void matchesMetafor(String name) {
        SelectionReferences ref = SelectionReferences.read("petpeese_" + name);
        TauSquaredEstimator method = TauSquaredEstimator.parse(ref.root().get("method").asText());
        PetPeeseResult r = PetPeese.of(MetaRegression.of(method).withConvergence(1e-12, 1000)).fit(ref.yi(), ref.vi());
        check("pet", ref.root().get("pet"), r.pet());
        check("peese", ref.root().get("peese"), r.peese());
        assertEquals(ref.root().get("chosen").asText(), r.chosen().name(), "conditional choice");
        assertSame(r.chosen() == PetPeeseResult.Choice.PEESE ? r.peeseIntercept() : r.petIntercept(), r.estimate());
    }

    private static void check(String which, JsonNode e, MetaRegressionResult r) {
        assertClose(which + " tau2", e.get("tau2").asDouble(), r.tau2(), TOL, 1e-10);
        String[] fields = {"beta", "se", "zval", "pval", "ci_lb", "ci_ub"};
        for (String f : fields) {
            double[] expected = SelectionReferences.doubles(e.get(f));
            for (int j = 0; j < 2; j++) {
                Coefficient c = r.coefficients().get(j);
                double actual = switch (f) {
                    case "beta" -> c.estimate();
                    case "se" -> c.se();
                    case "zval" -> c.statistic();
                    case "pval" -> c.pValue();
                    case "ci_lb" -> c.ciLower();
                    default -> c.ciUpper();
                };
                assertClose(which + " " + f + "[" + j + "]", expected[j], actual, TOL, f.equals("pval") ? 1e-300 : 1e-8);
            }
        }
    }

    /** PET is Egger's regression: the same intercept and slope. */
    @Test
    void petIsEggersRegression() {
        SelectionReferences ref = SelectionReferences.read("petpeese_molloy2014");
        PetPeeseResult r = PetPeese.standard().fit(ref.yi(), ref.vi());
        EggerResult egger = EggerTest.standard().test(ref.yi(), ref.vi());
        assertEquals(egger.limitEstimate(), r.petIntercept().estimate(), 0);
        assertEquals(egger.slope(), r.pet().coefficients().get(1).estimate(), 0);
    }

    /** The rule follows alpha: molloy2014's PET p of .29 chooses PEESE only when alpha exceeds it. */
    @Test
    void ruleFollowsAlpha() {
        SelectionReferences ref = SelectionReferences.read("petpeese_molloy2014");
        assertEquals(PetPeeseResult.Choice.PET, PetPeese.standard().fit(ref.yi(), ref.vi()).chosen());
        assertEquals(PetPeeseResult.Choice.PEESE, PetPeese.standard().withAlpha(0.3).fit(ref.yi(), ref.vi()).chosen());
    }
}
