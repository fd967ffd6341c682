package org.alliancelab.simulate.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.alliancelab.simulate.model.PanelModel;
import org.alliancelab.simulate.model.InvalidModelException;
import org.alliancelab.simulate.model.Node;
import org.alliancelab.simulate.model.Randomization;
import org.alliancelab.simulate.model.Path;
import org.alliancelab.simulate.model.StructuralModel;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** Reads and validates the model, design and analyses of one (grid-resolved) scenario tree. */
final class ScenarioReader {
    private final String source;

    ScenarioReader(String source) {
        this.source = source;
    }

    Condition condition(int index, Map<String, Double> factors, JsonObject root) {
        StructuralModel model = model(root.object("model"));
        AnalysisSettings analyses = root.has("analyses") ? analyses(root.object("analyses"))
            : AnalysisSettings.defaults();
        StudyDesign design = design(root.object("design"), model);
        if (analyses.sensitivity() && design.adjustedReporting().isEmpty()) {
            throw new ScenarioException(source, "/analyses/sensitivity",
                "the sensitivity analyses run on the adjusted pooled correlation: they need design.adjustedReporting");
        }
        try {
            return Condition.of(index, factors, model, design, analyses, source);
        } catch (InvalidModelException e) {
            throw new ScenarioException(source, "/design/moderators",
                "the combination of moderator levels gives an invalid model: " + e.getMessage());
        }
    }

    StructuralModel model(JsonObject m) {
        m.allowOnly("nodes", "paths", "exposure", "outcome", "adjustment");
        List<Node> nodes = new ArrayList<>();
        for (JsonObject n : m.objects("nodes")) {
            n.allowOnly("name", "observed", "reliability", "randomized");
            boolean observed = n.bool("observed", true);
            if (!observed && n.has("reliability")) {
                throw n.error("reliability", "an unobserved node has no reliability");
            }
            Randomization randomization = n.has("randomized") ? randomization(n) : null;
            nodes.add(new Node(n.string("name"), observed, n.number("reliability", 1.0), randomization));
        }
        List<Path> paths = new ArrayList<>();
        for (JsonObject p : m.optionalObjects("paths")) {
            paths.add(path(p, false));
        }
        try {
            return StructuralModel.of(nodes, paths, m.string("exposure"), m.string("outcome"),
                m.strings("adjustment"));
        } catch (InvalidModelException e) {
            throw new ScenarioException(source, m.pointer() + e.location(), e.getMessage());
        }
    }

    /** {@code {"share": p}} (binary) or {@code {"distribution": "normal"}}. */
    private static Randomization randomization(JsonObject n) {
        if (n.has("reliability")) {
            throw n.error("reliability", "a randomized node is recorded without error: it has no reliability");
        }
        JsonObject r = n.object("randomized");
        r.allowOnly("share", "distribution");
        String distribution = r.optionalString("distribution").orElse(r.has("share") ? "binary" : "");
        switch (distribution) {
            case "binary":
                if (!r.has("share")) {
                    throw r.error("share", "a binary randomized node needs its share, e.g. {\"share\": 0.5}");
                }
                double share = r.number("share");
                if (!(share > 0 && share < 1)) {
                    throw r.error("share", "must be in (0, 1) (exclusive), got " + share);
                }
                return Randomization.binary(share);
            case "normal":
                if (r.has("share")) {
                    throw r.error("share", "a normal randomized node has no share");
                }
                return Randomization.normal();
            default:
                throw r.error(r.has("distribution") ? "distribution" : "share",
                    "expected {\"share\": p} (a binary assignment) or {\"distribution\": \"normal\"}"
                        + (r.has("distribution") ? ", got '" + distribution + "'" : ""));
        }
    }

    private static Path path(JsonObject p, boolean override) {
        p.allowOnly("from", "to", "beta", "sd");
        double sd = p.has("sd") ? p.number("sd") : override ? Double.NaN : 0.0;
        if (sd < 0) {
            throw p.error("sd", "must be >= 0, got " + sd);
        }
        return new Path(p.string("from"), p.string("to"), p.number("beta"), sd);
    }

    StudyDesign design(JsonObject d, StructuralModel model) {
        d.allowOnly("studies", "sampleSize", "moderators", "adjustedReporting", "publication", "dropout", "sessions");
        int studies = d.integer("studies", 2, 1_000_000);
        int p = model.adjustment().length;
        SampleSizeDistribution sampleSize = sampleSize(d.object("sampleSize"), p);
        List<Moderator> moderators = moderators(d, model);
        Optional<AdjustedReporting> reporting = d.optionalObject("adjustedReporting")
            .map(r -> adjustedReporting(r, moderators, p));
        Optional<PublicationSelection> publication = d.optionalObject("publication").map(this::publication);
        Optional<Dropout> dropout = d.optionalObject("dropout").map(o -> dropout(o, model));
        Optional<PanelModel> sessions = d.optionalObject("sessions").map(o -> sessions(o, d, model));
        return new StudyDesign(studies, sampleSize, moderators, reporting, publication, dropout, sessions);
    }

    /**
     * The session-by-session block: the random-intercept cross-lagged panel model. Refuses what
     * a panel study does not have (moderators, adjusted reporting, dropout, the model's paths
     * and adjustment set) and a within-person process without a stationary distribution.
     */
    private PanelModel sessions(JsonObject o, JsonObject d, StructuralModel model) {
        o.allowOnly("count", "intercepts", "carryOver", "crossLagged", "reverse", "innovations", "measurementError");
        for (String key : List.of("moderators", "adjustedReporting", "dropout")) {
            if (d.has(key)) {
                throw d.error(key, "a session-by-session design (design.sessions) has no " + key);
            }
        }
        if (!model.paths().isEmpty() || model.adjustment().length > 0) {
            throw new ScenarioException(source, "/model",
                "with design.sessions the model only names alliance and outcome: give no paths and no adjustment");
        }
        int count = o.integer("count", 3, 1000);
        JsonObject intercepts = o.object("intercepts");
        intercepts.allowOnly("sd", "correlation");
        double[] interceptSd = pair(intercepts, "sd");
        double interceptCorrelation = intercepts.number("correlation", -1, 1);
        double[] carryOver = o.numbers("carryOver");
        if (carryOver.length != 2) {
            throw o.error("carryOver", "two carry-over coefficients expected [alliance, outcome], got " + carryOver.length);
        }
        JsonObject cross = o.object("crossLagged");
        cross.allowOnly("beta", "sd");
        double beta = cross.number("beta");
        double sd = cross.number("sd", 0.0);
        if (sd < 0) {
            throw cross.error("sd", "must be >= 0, got " + sd);
        }
        double reverse = o.number("reverse", 0.0);
        JsonObject innovations = o.object("innovations");
        innovations.allowOnly("sd", "correlation");
        double[] innovationSd = pair(innovations, "sd");
        if (innovationSd[0] == 0 || innovationSd[1] == 0) {
            throw innovations.error("sd", "innovation SDs must be positive");
        }
        double innovationCorrelation = innovations.number("correlation", -0.999, 0.999);
        double[] errorSd = {0, 0};
        if (o.has("measurementError")) {
            JsonObject error = o.object("measurementError");
            error.allowOnly("sd");
            errorSd = pair(error, "sd");
        }
        PanelModel panel = new PanelModel(count, interceptSd[0], interceptSd[1], interceptCorrelation,
            carryOver[0], carryOver[1], beta, sd, reverse, innovationSd[0], innovationSd[1], innovationCorrelation,
            errorSd[0], errorSd[1]);
        double radius = panel.var1(beta).spectralRadius();
        if (!(radius < 1)) {
            throw new ScenarioException(source, o.pointer(), String.format(java.util.Locale.ROOT,
                "the within-person process is not stationary: the VAR(1) matrix [[%s, %s], [%s, %s]] has an "
                    + "eigenvalue of modulus %.4g (must be < 1)", carryOver[0], reverse, beta, carryOver[1], radius));
        }
        return panel;
    }

    private static double[] pair(JsonObject o, String key) {
        double[] v = o.numbers(key);
        if (v.length != 2) {
            throw o.error(key, "two values expected [alliance, outcome], got " + v.length);
        }
        for (double x : v) {
            if (!(x >= 0)) {
                throw o.error(key, "SDs must be >= 0, got " + x);
            }
        }
        return v;
    }

    private PublicationSelection publication(JsonObject o) {
        o.allowOnly("probability", "steps", "probabilities");
        if (o.has("probability") == o.has("steps")) {
            throw new ScenarioException(source, o.pointer(),
                "give either \"probability\" (of a non-significant study) or \"steps\" with \"probabilities\" "
                    + "(a step function of the one-sided p-value)");
        }
        if (o.has("probability")) {
            if (o.has("probabilities")) {
                throw o.error("probabilities", "only with \"steps\"");
            }
            double pi = o.number("probability");
            if (!(pi > 0 && pi <= 1)) {
                throw o.error("probability", "publication probability must be in (0, 1], got " + pi);
            }
            return new PublicationSelection.Significance(pi);
        }
        double[] steps = o.numbers("steps");
        double[] probabilities = o.numbers("probabilities");
        if (steps.length == 0) {
            throw o.error("steps", "empty list (expected increasing one-sided p-values ending in 1)");
        }
        for (int j = 0; j < steps.length; j++) {
            double lower = j == 0 ? 0 : steps[j - 1];
            if (!(steps[j] > lower && steps[j] <= 1)) {
                throw new ScenarioException(source, o.pointer("steps") + "/" + j, "steps must increase within (0, 1], got "
                    + steps[j] + (j == 0 ? "" : " after " + lower));
            }
        }
        if (steps[steps.length - 1] != 1) {
            throw new ScenarioException(source, o.pointer("steps") + "/" + (steps.length - 1),
                "the last step must be 1 (every p-value falls in some interval), got " + steps[steps.length - 1]);
        }
        if (probabilities.length != steps.length) {
            throw o.error("probabilities", "one probability per step expected (" + steps.length + "), got "
                + probabilities.length);
        }
        boolean positive = false;
        for (int j = 0; j < probabilities.length; j++) {
            if (!(probabilities[j] >= 0 && probabilities[j] <= 1)) {
                throw new ScenarioException(source, o.pointer("probabilities") + "/" + j,
                    "publication probability must be in [0, 1], got " + probabilities[j]);
            }
            positive |= probabilities[j] > 0;
        }
        if (!positive) {
            throw o.error("probabilities", "every probability is 0: no study could be published");
        }
        return new PublicationSelection.StepFunction(steps, probabilities);
    }

    private SampleSizeDistribution sampleSize(JsonObject s, int covariates) {
        String kind = s.string("distribution").toLowerCase(Locale.ROOT);
        // Smallest n for which the partial correlation's Fisher-z variance 1/(n - p - 3) exists.
        int floor = covariates + 4;
        switch (kind) {
            case "fixed": {
                s.allowOnly("distribution", "n", "minimum");
                int minimum = minimum(s, floor);
                int n = s.integer("n", minimum, 100_000_000);
                return new SampleSizeDistribution.Fixed(n, minimum);
            }
            case "uniform": {
                s.allowOnly("distribution", "lower", "upper", "minimum");
                int minimum = minimum(s, floor);
                int lower = s.integer("lower", minimum, 100_000_000);
                int upper = s.integer("upper", lower, 100_000_000);
                return new SampleSizeDistribution.Uniform(lower, upper, minimum);
            }
            case "lognormal": {
                s.allowOnly("distribution", "median", "spread", "minimum");
                int minimum = minimum(s, floor);
                double median = s.number("median", 1, 1e8);
                double spread = s.number("spread", 0, 5);
                // Redrawing below the minimum must terminate quickly: require >= 1% mass above it.
                double above = spread == 0 ? (Math.rint(median) >= minimum ? 1 : 0)
                    : NormalDistribution.of(0, 1).survivalProbability(
                        (Math.log(minimum - 0.5) - Math.log(median)) / spread);
                if (above < 0.01) {
                    throw s.error("median", "fewer than 1% of log-normal sample sizes reach the minimum "
                        + minimum);
                }
                return new SampleSizeDistribution.LogNormal(median, spread, minimum);
            }
            case "list": {
                s.allowOnly("distribution", "values", "minimum");
                int minimum = minimum(s, floor);
                List<JsonNode> raw = s.array("values");
                if (raw.isEmpty()) {
                    throw s.error("values", "the list of sample sizes is empty");
                }
                List<Integer> values = new ArrayList<>();
                for (int i = 0; i < raw.size(); i++) {
                    JsonNode v = raw.get(i);
                    if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble())
                        || v.asDouble() < minimum || v.asDouble() > 100_000_000) {
                        throw new ScenarioException(source, s.pointer("values") + "/" + i,
                            JsonObject.NOT_AN_INTEGER + " sample size >= " + minimum);
                    }
                    values.add(v.asInt());
                }
                return new SampleSizeDistribution.Explicit(values, minimum);
            }
            default:
                throw s.error("distribution", "unknown distribution '" + kind
                    + "' (expected fixed, uniform, lognormal or list)");
        }
    }

    private static int minimum(JsonObject s, int floor) {
        return s.has("minimum") ? s.integer("minimum", floor, 100_000_000) : floor;
    }

    private List<Moderator> moderators(JsonObject d, StructuralModel model) {
        List<Moderator> moderators = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        long cells = 1;
        for (JsonObject m : d.optionalObjects("moderators")) {
            m.allowOnly("name", "levels");
            String name = m.string("name");
            if (!names.add(name)) {
                throw m.error("name", "duplicate moderator '" + name + "'");
            }
            List<JsonObject> levelObjects = m.objects("levels");
            if (levelObjects.isEmpty()) {
                throw m.error("levels", "a moderator needs at least one level");
            }
            List<ModeratorLevel> levels = new ArrayList<>();
            Set<String> levelNames = new LinkedHashSet<>();
            double total = 0;
            for (JsonObject l : levelObjects) {
                l.allowOnly("name", "probability", "paths", "reliabilities");
                String levelName = l.string("name");
                if (!levelNames.add(levelName)) {
                    throw l.error("name", "duplicate level '" + levelName + "'");
                }
                double probability = l.number("probability", 0, 1);
                total += probability;
                List<Path> paths = new ArrayList<>();
                for (JsonObject p : l.optionalObjects("paths")) {
                    paths.add(path(p, true));
                }
                Map<String, Double> reliabilities = new LinkedHashMap<>();
                if (l.has("reliabilities")) {
                    JsonObject r = l.object("reliabilities");
                    for (String node : r.keys()) {
                        double rel = r.number(node);
                        if (!(rel > 0 && rel <= 1)) {
                            throw r.error(node, "reliability must be in (0, 1], got " + rel);
                        }
                        reliabilities.put(node, rel);
                    }
                }
                try {
                    model.withOverrides(paths, reliabilities);
                } catch (InvalidModelException e) {
                    String where = e.location().startsWith("/reliabilities") ? l.pointer() + e.location()
                        : e.location().startsWith("/paths/") && e.getMessage().startsWith("no path")
                        ? l.pointer() + e.location() : l.pointer();
                    throw new ScenarioException(source, where, "level '" + levelName + "': " + e.getMessage());
                }
                levels.add(new ModeratorLevel(levelName, probability, paths, reliabilities));
            }
            if (Math.abs(total - 1) > 1e-6) {
                throw m.error("levels", "level probabilities of '" + name + "' sum to " + total + ", not 1");
            }
            cells *= levels.size();
            if (cells > ModeratorCells.MAX_CELLS) {
                throw m.error(null, "more than " + ModeratorCells.MAX_CELLS + " combinations of moderator levels");
            }
            moderators.add(new Moderator(name, levels));
        }
        return moderators;
    }

    private AdjustedReporting adjustedReporting(JsonObject r, List<Moderator> moderators, int covariates) {
        r.allowOnly("fraction", "count", "moderator", "probabilities");
        if (covariates == 0) {
            throw r.error(null, "studies cannot report an adjusted estimate: the adjustment set is empty");
        }
        int given = (r.has("fraction") ? 1 : 0) + (r.has("count") ? 1 : 0) + (r.has("moderator") ? 1 : 0);
        if (given != 1) {
            throw r.error(null, "give exactly one of fraction, count or moderator (with probabilities)");
        }
        if (r.has("fraction")) {
            return new AdjustedReporting.Fraction(r.number("fraction", 0, 1));
        }
        if (r.has("count")) {
            return new AdjustedReporting.Count(r.integer("count", 0, 1_000_000));
        }
        String name = r.string("moderator");
        Moderator moderator = moderators.stream().filter(m -> m.name().equals(name)).findFirst()
            .orElseThrow(() -> r.error("moderator", "unknown moderator '" + name + "'"));
        JsonObject probabilities = r.object("probabilities");
        Map<String, Double> map = new LinkedHashMap<>();
        for (String level : probabilities.keys()) {
            if (moderator.levels().stream().noneMatch(l -> l.name().equals(level))) {
                throw probabilities.error(level, "moderator '" + name + "' has no level '" + level + "'");
            }
            map.put(level, probabilities.number(level, 0, 1));
        }
        return new AdjustedReporting.ByModerator(name, map);
    }

    private Dropout dropout(JsonObject o, StructuralModel model) {
        o.allowOnly("link", "intercept", "coefficients", "analysis");
        String link = o.string("link").toLowerCase(Locale.ROOT);
        Dropout.Link l;
        if (link.equals("probit")) {
            l = Dropout.Link.PROBIT;
        } else if (link.equals("logit")) {
            l = Dropout.Link.LOGIT;
        } else {
            throw o.error("link", "unknown link '" + link + "' (expected probit or logit)");
        }
        String analysis = o.has("analysis") ? o.string("analysis").toLowerCase(Locale.ROOT) : "completers";
        Dropout.Analysis a;
        if (analysis.equals("completers")) {
            a = Dropout.Analysis.COMPLETERS;
        } else if (analysis.equals("retention")) {
            a = Dropout.Analysis.RETENTION;
        } else {
            throw o.error("analysis", "unknown analysis '" + analysis + "' (expected completers or retention)");
        }
        JsonObject c = o.object("coefficients");
        Map<String, Double> coefficients = new LinkedHashMap<>();
        for (String node : c.keys()) {
            if (model.indexOf(node) < 0) {
                throw c.error(node, "unknown node '" + node + "'");
            }
            coefficients.put(node, c.number(node));
        }
        return new Dropout(l, o.number("intercept"), coefficients, a);
    }

    AnalysisSettings analyses(JsonObject a) {
        a.allowOnly("estimator", "test", "alpha", "differenceTests", "pairedCorrelation", "pairedInference",
            "biasMethods", "sensitivity");
        AnalysisSettings d = AnalysisSettings.defaults();
        TauSquaredEstimator estimator = a.parsed("estimator", TauSquaredEstimator::parse, d.estimator());
        InferenceTest test = a.parsed("test", InferenceTest::parse, d.test());
        double alpha = d.alpha();
        if (a.has("alpha")) {
            alpha = a.number("alpha");
            if (!(alpha > 0 && alpha < 1)) {
                throw a.error("alpha", "must be in (0, 1), got " + alpha);
            }
        }
        List<DifferenceTest> tests = d.differenceTests();
        if (a.has("differenceTests")) {
            List<String> names = a.strings("differenceTests");
            if (names.isEmpty()) {
                throw a.error("differenceTests", "empty list (expected subgroup and/or paired)");
            }
            Set<DifferenceTest> set = new LinkedHashSet<>();
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i).toLowerCase(Locale.ROOT);
                if (n.equals("subgroup")) {
                    set.add(DifferenceTest.SUBGROUP);
                } else if (n.equals("paired")) {
                    set.add(DifferenceTest.PAIRED);
                } else {
                    throw new ScenarioException(source, a.pointer("differenceTests") + "/" + i,
                        "unknown difference test '" + names.get(i) + "' (expected subgroup or paired)");
                }
            }
            tests = List.copyOf(set);
        }
        PairedCorrelationRule paired = d.pairedCorrelation();
        if (a.has("pairedCorrelation")) {
            JsonNode v = a.raw("pairedCorrelation");
            String text = v.isTextual() ? v.asText().toLowerCase(Locale.ROOT) : "";
            if (text.equals("population") || text.equals("delta")) {
                paired = PairedCorrelationRule.population();
            } else if (text.equals("sample")) {
                paired = PairedCorrelationRule.sample();
            } else if (v.isNumber()) {
                paired = PairedCorrelationRule.constant(a.number("pairedCorrelation", -1, 1));
            } else {
                throw a.error("pairedCorrelation",
                    "expected \"sample\", \"population\" or a working correlation in [-1, 1], got " + v);
            }
        }
        PairedInference inference = d.pairedInference();
        if (a.has("pairedInference")) {
            JsonNode v = a.raw("pairedInference");
            String text = v.isTextual() ? v.asText().toLowerCase(Locale.ROOT) : "";
            if (text.equals("cr2")) {
                inference = PairedInference.CR2;
            } else if (text.equals("model")) {
                inference = PairedInference.MODEL;
            } else {
                throw a.error("pairedInference", "expected \"CR2\" or \"model\", got " + v);
            }
        }
        Set<BiasMethod> bias = new LinkedHashSet<>();
        List<String> biasNames = a.strings("biasMethods");
        for (int i = 0; i < biasNames.size(); i++) {
            int at = i;
            BiasMethod m = BiasMethod.parse(biasNames.get(i)).orElseThrow(() -> new ScenarioException(source,
                a.pointer("biasMethods") + "/" + at, "unknown bias method '" + biasNames.get(at)
                    + "' (expected egger, trimfill, 3psm or petpeese)"));
            if (!bias.add(m)) {
                throw new ScenarioException(source, a.pointer("biasMethods") + "/" + i,
                    "bias method '" + biasNames.get(i) + "' listed twice");
            }
        }
        return new AnalysisSettings(estimator, test, alpha, tests, paired, inference, List.copyOf(bias),
            a.bool("sensitivity", d.sensitivity()));
    }
}
