package org.alliancelab.simulate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.alliancelab.simulate.model.SamplingCorrelation;
import org.alliancelab.simulate.model.SimulatedStudy;
import org.alliancelab.simulate.model.TruthValues;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class StudySimulatorTest {
    /** The engines of cross-sectional studies (the panel engine has its own tests, PanelDrawTest). */
    private static final List<Engine> CROSS_SECTIONAL = List.of(Engine.PATIENT, Engine.SUFFICIENT);


    /** Confounders C (rel .9) and M (rel .6) of X (rel .8) and Y (rel .7); X -> Y = .25. */
    static String scenario(int studies, String sampleSize, String xySd, String extraDesign) {
        return """
            {
              "model": {
                "nodes": [
                  {"name": "C", "reliability": 0.9}, {"name": "M", "reliability": 0.6},
                  {"name": "X", "reliability": 0.8}, {"name": "Y", "reliability": 0.7}
                ],
                "paths": [
                  {"from": "C", "to": "M", "beta": 0.3},
                  {"from": "C", "to": "X", "beta": 0.4}, {"from": "M", "to": "X", "beta": 0.3},
                  {"from": "C", "to": "Y", "beta": 0.3}, {"from": "M", "to": "Y", "beta": 0.35},
                  {"from": "X", "to": "Y", "beta": 0.25, "sd": %s}
                ],
                "exposure": "X", "outcome": "Y", "adjustment": ["C", "M"]
              },
              "design": {
                "studies": %d,
                "sampleSize": %s,
                "adjustedReporting": {"fraction": 1.0}%s
              }
            }
            """.formatted(xySd, studies, sampleSize, extraDesign);
    }

    static Condition condition(String json) {
        return Scenario.parse(json, "test", "test").conditions().get(0);
    }

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    static double[] z(List<SimulatedStudy> studies, boolean partial) {
        return studies.stream().mapToDouble(s -> atanh(partial ? s.partialR() : s.r())).toArray();
    }

    /** Two-sample Kolmogorov-Smirnov statistic. */
    static double ks(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /**
     * Patient and sufficient engines give the same distribution of z(r) and z(partial r), at
     * n = 40 where the Fisher-z normal approximation is rough (so the check is on the exact
     * distribution), with between-study variation of X -> Y. Two-sample KS at alpha = .001 per
     * comparison (asymptotic critical value 1.9495 sqrt(2/N)); four comparisons, so the
     * false-alarm rate is at most .4% (and the seeds are fixed, so the outcome is reproducible).
     */
    @Test
    void enginesAgreeInDistribution() {
        int studies = 3000;
        double critical = 1.9495 * Math.sqrt(2.0 / studies);
        for (String sd : List.of("0.0", "0.1")) {
            Condition c = condition(scenario(studies, "{\"distribution\": \"fixed\", \"n\": 40}", sd, ""));
            List<SimulatedStudy> patient = StudySimulator.of(c, Engine.PATIENT).simulate(rng(11)).studies();
            List<SimulatedStudy> sufficient = StudySimulator.of(c, Engine.SUFFICIENT).simulate(rng(12)).studies();
            assertEquals(studies, patient.size());
            assertEquals(studies, sufficient.size());
            double dr = ks(z(patient, false), z(sufficient, false));
            double dp = ks(z(patient, true), z(sufficient, true));
            assertTrue(dr < critical, "KS for r, sd " + sd + ": " + dr + " >= " + critical);
            assertTrue(dp < critical, "KS for partial r, sd " + sd + ": " + dp + " >= " + critical);
        }
    }

    /**
     * Both engines agree on a scenario with everything a Gaussian scenario can have: two
     * moderators overriding paths and a reliability, between-study SDs, log-normal n, publication
     * selection (pi = .3) and adjusted reporting by moderator. Compared: z(r) and z(partial r)
     * by two-sample KS at alpha = .001 each (critical value 1.9495 sqrt(2/N) for the
     * unadjusted, sqrt(1/N1 + 1/N2) for the reporting subsets), and the share of suppressed
     * studies by a two-proportion z-test at 4 SD. Four comparisons: false-alarm rate below .3%.
     * 200,000 published studies per engine.
     */
    @Test
    @Tag("slow")
    void enginesAgreeOnAFullScenario() {
        String json = scenario(200_000, "{\"distribution\": \"lognormal\", \"median\": 60, \"spread\": 0.6, \"minimum\": 20}",
            "0.1", ", \"publication\": {\"probability\": 0.3}, \"moderators\": ["
                + "{\"name\": \"timing\", \"levels\": [{\"name\": \"early\", \"probability\": 0.3},"
                + " {\"name\": \"late\", \"probability\": 0.7, \"paths\": [{\"from\": \"M\", \"to\": \"X\", \"beta\": 0.5, \"sd\": 0.05}]}]},"
                + "{\"name\": \"rater\", \"levels\": [{\"name\": \"client\", \"probability\": 0.6},"
                + " {\"name\": \"therapist\", \"probability\": 0.4, \"reliabilities\": {\"X\": 0.6}}]}]")
            .replace("{\"fraction\": 1.0}", "{\"moderator\": \"timing\", \"probabilities\": {\"early\": 0.8, \"late\": 0.2}}");
        Condition c = condition(json);
        SimulatedReplication patient = StudySimulator.of(c, Engine.PATIENT).simulate(rng(21));
        SimulatedReplication sufficient = StudySimulator.of(c, Engine.SUFFICIENT).simulate(rng(22));
        int n = patient.studies().size();
        assertEquals(200_000, n);
        assertEquals(200_000, sufficient.studies().size());
        double dr = ks(z(patient.studies(), false), z(sufficient.studies(), false));
        assertTrue(dr < 1.9495 * Math.sqrt(2.0 / n), "KS r " + dr);
        List<SimulatedStudy> pa = patient.studies().stream().filter(SimulatedStudy::reportsAdjusted).toList();
        List<SimulatedStudy> sa = sufficient.studies().stream().filter(SimulatedStudy::reportsAdjusted).toList();
        double dp = ks(z(pa, true), z(sa, true));
        assertTrue(dp < 1.9495 * Math.sqrt(1.0 / pa.size() + 1.0 / sa.size()), "KS partial r " + dp);
        double p1 = patient.suppressedStudies() / (double) (patient.suppressedStudies() + n);
        double p2 = sufficient.suppressedStudies() / (double) (sufficient.suppressedStudies() + n);
        double pooled = (patient.suppressedStudies() + sufficient.suppressedStudies())
            / (double) (patient.suppressedStudies() + sufficient.suppressedStudies() + 2 * n);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / (patient.suppressedStudies() + n)
            + 1.0 / (sufficient.suppressedStudies() + n)));
        assertTrue(Math.abs(p1 - p2) < 4 * se, "suppressed " + p1 + " vs " + p2);
        assertTrue(p1 > 0.05, "publication selection active: " + p1);
    }

    /**
     * The Monte Carlo mean of z(r) converges to z of the truth: E z(r) = atanh(rho) + rho / (2(n - 1))
     * + O(n^-2) (Fisher 1921; Hotelling 1953, JRSS B 15:193, doi:10.1111/j.2517-6161.1953.tb00135.x),
     * SD 1/sqrt(n - 3). With n = 100 and N studies the mean's SE is 1/sqrt(97 N); tolerance 4 SE
     * (false alarm 6e-5). The partial correlation with p covariates behaves as a correlation from
     * n - p observations. Both engines.
     */
    @Test
    void monteCarloMeanConvergesToTruth() {
        int n = 100;
        for (Engine engine : CROSS_SECTIONAL) {
            int studies = engine == Engine.SUFFICIENT ? 40_000 : 8_000;
            Condition c = condition(scenario(studies, "{\"distribution\": \"fixed\", \"n\": " + n + "}", "0.0", ""));
            TruthValues truth = c.truth();
            List<SimulatedStudy> s = StudySimulator.of(c, engine).simulate(rng(5)).studies();
            double meanR = Arrays.stream(z(s, false)).average().orElseThrow();
            double meanP = Arrays.stream(z(s, true)).average().orElseThrow();
            double rho = truth.unadjusted();
            double pr = truth.adjusted();
            double tolR = 4 / Math.sqrt((n - 3.0) * studies);
            double tolP = 4 / Math.sqrt((n - 5.0) * studies);
            assertEquals(atanh(rho) + rho / (2 * (n - 1)), meanR, tolR, engine + " z(r)");
            assertEquals(atanh(pr) + pr / (2 * (n - 3)), meanP, tolP, engine + " z(partial r)");
        }
    }

    /**
     * The delta-method paired correlation matches the Monte Carlo correlation of z(r) and
     * z(partial r) at n = 500 (20,000 studies: the sample correlation's SE is about
     * (1 - rho^2)/sqrt(N) < .007; tolerance .03 also allows the O(1/n) deviation of the
     * asymptotic value).
     */
    @Test
    void pairedCorrelationMatchesMonteCarlo() {
        Condition c = condition(withPairedCorrelation(
            scenario(20_000, "{\"distribution\": \"fixed\", \"n\": 500}", "0.0", ""), "\"population\""));
        List<SimulatedStudy> s = StudySimulator.of(c, Engine.SUFFICIENT).simulate(rng(8)).studies();
        double[] a = z(s, false);
        double[] b = z(s, true);
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        double empirical = sab / Math.sqrt(saa * sbb);
        double delta = s.get(0).pairedCorrelation();
        assertTrue(delta > 0.3 && delta < 0.95, "delta " + delta);
        assertEquals(empirical, delta, 0.03);
        double[][] cov = new double[4][4];
        c.model().observedCovariance(sigma(c), c.model().reliabilities(), cov);
        assertEquals(SamplingCorrelation.deltaMethod(cov), delta, 1e-12);
    }

    /**
     * The sample rule gives each study the delta method at its own sampled correlation matrix:
     * values vary between studies and centre on the population value (n = 500: the sampled
     * matrix is within O(n^-1/2) of the population's; 2,000 studies).
     */
    @Test
    void samplePairedCorrelationIsEachStudysOwnDeltaMethod() {
        String json = scenario(2_000, "{\"distribution\": \"fixed\", \"n\": 500}", "0.0", "");
        double population = StudySimulator.of(condition(withPairedCorrelation(json, "\"population\"")),
            Engine.SUFFICIENT).simulate(rng(9)).studies().get(0).pairedCorrelation();
        for (Engine engine : CROSS_SECTIONAL) {
            List<SimulatedStudy> s = StudySimulator.of(condition(withPairedCorrelation(json, "\"sample\"")), engine)
                .simulate(rng(9)).studies();
            double[] rho = s.stream().mapToDouble(SimulatedStudy::pairedCorrelation).toArray();
            double mean = Arrays.stream(rho).average().orElseThrow();
            double sd = Math.sqrt(Arrays.stream(rho).map(v -> (v - mean) * (v - mean)).sum() / (rho.length - 1));
            assertEquals(population, mean, 0.01, engine + " mean");
            assertTrue(sd > 0.001 && sd < 0.05, engine + " sd " + sd);
        }
    }

    static String withPairedCorrelation(String json, String value) {
        return json.replace("\"design\": {", "\"analyses\": {\"pairedCorrelation\": " + value + "},\n  \"design\": {");
    }

    private static double[][] sigma(Condition c) {
        int k = c.model().nodes().size();
        double[][] sigma = new double[k][k];
        c.model().latentCovariance(c.model().coefficients(), new double[k], sigma);
        return sigma;
    }

    /** The same rng seed gives the same replication; a reused simulator equals a fresh one. */
    @Test
    void deterministicAndReusable() {
        Condition c = condition(scenario(30, "{\"distribution\": \"lognormal\", \"median\": 60, \"spread\": 0.7}", "0.1", ""));
        for (Engine engine : CROSS_SECTIONAL) {
            StudySimulator reused = StudySimulator.of(c, engine);
            reused.simulate(rng(1));
            SimulatedReplication second = reused.simulate(rng(2));
            SimulatedReplication fresh = StudySimulator.of(c, engine).simulate(rng(2));
            assertEquals(fresh, second);
            assertTrue(second.studies().stream().allMatch(st -> st.n() >= 7));
        }
    }

    /** A between-study SD so large that many draws are invalid: counted, and studies stay valid. */
    @Test
    void invalidCoefficientDrawsAreCounted() {
        Condition c = condition(scenario(200, "{\"distribution\": \"fixed\", \"n\": 30}", "0.8", ""));
        SimulatedReplication rep = StudySimulator.of(c, Engine.SUFFICIENT).simulate(rng(3));
        assertTrue(rep.invalidDraws() > 20, "invalid draws " + rep.invalidDraws());
        assertEquals(200, rep.studies().size());
        assertTrue(rep.studies().stream().allMatch(s -> Math.abs(s.r()) < 1));
    }

    /**
     * Publication selection with pi = .02 at a tiny effect: a non-significant study survives
     * with probability .02, so published studies are nearly all significant and many drawn
     * studies are suppressed.
     */
    @Test
    void publicationSelectionSuppressesNonSignificantStudies() {
        String json = scenario(100, "{\"distribution\": \"fixed\", \"n\": 40}", "0.0",
            ", \"publication\": {\"probability\": 0.02}").replace("\"beta\": 0.25", "\"beta\": 0.0");
        SimulatedReplication rep = StudySimulator.of(condition(json), Engine.SUFFICIENT).simulate(rng(4));
        assertEquals(100, rep.studies().size());
        assertTrue(rep.suppressedStudies() > 100, "suppressed " + rep.suppressedStudies());
        long significant = rep.studies().stream()
            .filter(s -> Math.abs(atanh(s.r())) * Math.sqrt(s.n() - 3) >= 1.959964).count();
        assertTrue(significant >= 80, "significant " + significant);
    }

    /**
     * A step function of the one-sided p-value at a zero effect, n = 40: studies with p > .5
     * (negative correlations) are never published, those with .025 < p <= .5 with probability
     * .5, those with p <= .025 always. Under the null p is uniform, so among published studies
     * the share with p <= .025 is .025 / (.025 + .475 * .5) = .0952; with 2000 studies its
     * binomial SD is .0066, and the check allows 4.5 SD (false-alarm rate below 1e-5). The
     * p-values are recomputed here from r and n with Commons Statistics' normal distribution.
     */
    @Test
    void stepFunctionPublicationFollowsTheOneSidedPValue() {
        String json = """
            {"model": {"nodes": [{"name": "X"}, {"name": "Y"}], "paths": [{"from": "X", "to": "Y", "beta": 0}],
                       "exposure": "X", "outcome": "Y"},
             "design": {"studies": 2000, "sampleSize": {"distribution": "fixed", "n": 40},
                        "publication": {"steps": [0.025, 0.5, 1], "probabilities": [1, 0.5, 0]}}}
            """;
        SimulatedReplication rep = StudySimulator.of(condition(json), Engine.SUFFICIENT).simulate(rng(11));
        assertEquals(2000, rep.studies().size());
        org.apache.commons.statistics.distribution.NormalDistribution normal =
            org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);
        long small = 0;
        for (SimulatedStudy s : rep.studies()) {
            double p = normal.survivalProbability(atanh(s.r()) * Math.sqrt(s.n() - 3));
            assertTrue(p <= 0.5, "a study with p > .5 was published: p = " + p);
            small += p <= 0.025 ? 1 : 0;
        }
        double expected = 0.025 / (0.025 + 0.475 * 0.5);
        double sd = Math.sqrt(expected * (1 - expected) / 2000);
        assertEquals(expected, small / 2000.0, 4.5 * sd);
        // drawn = published + suppressed; about half the draws (p > .5) and half the rest are suppressed
        double publishedShare = 2000.0 / (2000 + rep.suppressedStudies());
        assertEquals(0.025 + 0.475 * 0.5, publishedShare, 0.03);
    }

    @Test
    void adjustedReportingRules() {
        String count = scenario(50, "{\"distribution\": \"fixed\", \"n\": 40}", "0.0", "")
            .replace("{\"fraction\": 1.0}", "{\"count\": 12}");
        SimulatedReplication rep = StudySimulator.of(condition(count), Engine.SUFFICIENT).simulate(rng(6));
        assertEquals(12, rep.studies().stream().filter(SimulatedStudy::reportsAdjusted).count());
        assertTrue(rep.studies().stream().allMatch(s -> s.covariates() == 2));
        assertTrue(rep.studies().stream().filter(SimulatedStudy::reportsAdjusted)
            .allMatch(s -> s.pairedCorrelation() > 0 && s.pairedCorrelation() < 1));

        String byModerator = scenario(400, "{\"distribution\": \"fixed\", \"n\": 40}", "0.0",
            ", \"moderators\": [{\"name\": \"timing\", \"levels\": [{\"name\": \"early\", \"probability\": 0.5},"
                + " {\"name\": \"late\", \"probability\": 0.5}]}]")
            .replace("{\"fraction\": 1.0}", "{\"moderator\": \"timing\", \"probabilities\": {\"early\": 1.0}}");
        List<SimulatedStudy> studies = StudySimulator.of(condition(byModerator), Engine.PATIENT).simulate(rng(7)).studies();
        assertTrue(studies.stream().allMatch(s -> s.reportsAdjusted() == s.moderatorLevels().get("timing").equals("early")));
        long early = studies.stream().filter(s -> s.moderatorLevels().get("timing").equals("early")).count();
        // Binomial(400, .5): 4 SD = 40.
        assertEquals(200, early, 40);
    }

    @Test
    void sufficientEngineRefusesDropout() {
        Condition c = Scenario.builtIn("dropout").conditions().get(0);
        ScenarioException e = assertThrows(ScenarioException.class, () -> StudySimulator.of(c, Engine.SUFFICIENT));
        assertEquals("/design/dropout", e.pointer());
        assertEquals("dropout", e.source());
    }

    /**
     * Dropout, completers only: probit intercept -0.8 with coefficients -0.4 on alliance and early
     * change drops about a quarter of the patients: P(drop) = Phi(-0.8 / sqrt(1 + Var(eta))) with
     * Var(eta) = .4^2 + .4^2 + 2 (.4)(.4) Cov(A, E) and Cov(A, E) = .35 + .15 * .20 = .38 (paths of
     * the built-in), so Var(eta) = .4416 and P = Phi(-.666) = .253. The analysed n is smaller.
     * Retention as the outcome analyses everyone and gives a positive point-biserial correlation
     * (weak alliance means dropout).
     */
    @Test
    void dropoutReducesTheAnalysedSample() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree =
            (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(Scenario.builtIn("dropout").toJson());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/design")).putObject("sampleSize")
            .put("distribution", "fixed").put("n", 200);
        Condition completers = Scenario.parse(mapper.writeValueAsString(tree), "dropout", "dropout").conditions().get(0);
        SimulatedReplication rep = StudySimulator.of(completers, Engine.PATIENT).simulate(rng(9));
        double analysed = rep.studies().stream().mapToInt(SimulatedStudy::n).sum();
        double enrolled = 200.0 * rep.studies().size();
        // 50 studies x 200 patients: the share's SE is about sqrt(.25 * .75 / 10000) = .0043.
        assertEquals(0.25, 1 - analysed / enrolled, 0.02, "share dropped");

        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/design/dropout")).put("analysis", "retention");
        Condition retention = Scenario.parse(mapper.writeValueAsString(tree), "dropout", "dropout").conditions().get(0);
        SimulatedReplication all = StudySimulator.of(retention, Engine.PATIENT).simulate(rng(9));
        assertTrue(all.studies().stream().allMatch(st -> st.n() == 200));
        double meanR = all.studies().stream().mapToDouble(SimulatedStudy::r).average().orElseThrow();
        assertTrue(meanR > 0.1, "retention correlation " + meanR);
    }
}
