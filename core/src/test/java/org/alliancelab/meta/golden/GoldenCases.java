package org.alliancelab.meta.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Reads a golden reference file (R metafor 3.8-1 outputs, see golden/README.md on the test
 * classpath): the studies as columns and the cases of one kind. A distinct name from the lead's
 * pooling test helpers.
 */
public final class GoldenCases {

    /** The golden data sets known when these tests were written. */
    private static final List<String> KNOWN = List.of("aloe2013.json", "cohen1981.json",
        "craft2003_acog.json", "crede2010_grade.json", "edge_homogeneous.json",
        "edge_two_studies.json", "molloy2014.json", "synthetic_k300.json");

    /**
     * Every golden data set: the *.json files of the golden/ resource directory (so that data
     * sets added there are tested too), sorted; the known list when the directory cannot be
     * listed (e.g. inside a jar).
     */
    public static final List<String> FILES = discover();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<String> discover() {
        java.net.URL dir = GoldenCases.class.getResource("/golden/");
        if (dir != null && "file".equals(dir.getProtocol())) {
            try {
                java.io.File[] files = new java.io.File(dir.toURI()).listFiles((d, n) -> n.endsWith(".json"));
                if (files != null && files.length > 0) {
                    List<String> names = new ArrayList<>();
                    for (java.io.File f : files) {
                        names.add(f.getName());
                    }
                    java.util.Collections.sort(names);
                    if (!names.containsAll(KNOWN)) {
                        throw new IllegalStateException("golden files missing from the test classpath: " + KNOWN);
                    }
                    return List.copyOf(names);
                }
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return KNOWN;
    }

    private final String file;
    private final JsonNode root;

    private GoldenCases(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * @param file file name under golden/ on the test classpath, e.g. "molloy2014.json"
     * @return the parsed file
     */
    public static GoldenCases load(String file) {
        try (InputStream in = GoldenCases.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) {
                throw new IllegalStateException("golden/" + file + " is not on the test classpath");
            }
            return new GoldenCases(file, MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One dynamic test per case of a kind in every golden file, named by the file and the label.
     *
     * @param kind e.g. "egger"
     * @param label names a case within its file, e.g. by its estimator
     * @param check the test of one case
     * @return the tests; fails when no golden file has a case of the kind
     */
    public static List<DynamicTest> dynamicTests(String kind, Function<JsonNode, String> label,
                                                 BiConsumer<GoldenCases, JsonNode> check) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            GoldenCases g = load(file);
            for (JsonNode c : g.cases(kind)) {
                tests.add(DynamicTest.dynamicTest(file + " " + label.apply(c), () -> check.accept(g, c)));
            }
        }
        Assertions.assertFalse(tests.isEmpty(), "no golden case of kind " + kind);
        return tests;
    }

    /** @return the file name, for messages */
    public String file() {
        return file;
    }

    /** @return the studies, as in the file */
    public JsonNode studies() {
        return root.get("studies");
    }

    /** @return number of studies */
    public int size() {
        return root.get("studies").size();
    }

    /**
     * @param field a numeric study field, e.g. "yi_ZCOR"
     * @return its values in input order
     */
    public double[] column(String field) {
        JsonNode studies = root.get("studies");
        double[] out = new double[studies.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = studies.get(i).get(field).asDouble();
        }
        return out;
    }

    /**
     * @param field a study field read as text (numbers as R would print integers)
     * @return its values in input order
     */
    public String[] strings(String field) {
        JsonNode studies = root.get("studies");
        String[] out = new String[studies.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = studies.get(i).get(field).asText();
        }
        return out;
    }

    /**
     * @param field a study field
     * @return whether it is a number in every study (R would keep it numeric in a formula)
     */
    public boolean isNumeric(String field) {
        for (JsonNode s : root.get("studies")) {
            if (!s.get(field).isNumber()) {
                return false;
            }
        }
        return true;
    }

    /** @return the effect sizes of a measure, e.g. yi("ZCOR") */
    public double[] yi(String measure) {
        return column("yi_" + measure);
    }

    /** @return the sampling variances of a measure */
    public double[] vi(String measure) {
        return column("vi_" + measure);
    }

    /**
     * @param kind e.g. "egger"
     * @return the cases of that kind, in file order (possibly none)
     */
    public List<JsonNode> cases(String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            if (kind.equals(c.get("kind").asText())) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * @param node an array of numbers (null entries read as NaN)
     * @return the numbers
     */
    public static double[] doubles(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).isNull() ? Double.NaN : node.get(i).asDouble();
        }
        return out;
    }

    /**
     * Relative closeness: |actual - expected| &lt;= tol max(|expected|, floor). The floor keeps
     * values near 0 (e.g. tau<sup>2</sup> at the boundary) from demanding absolute precision
     * beyond what double arithmetic and the reference's convergence give.
     *
     * @param expected reference value
     * @param actual computed value
     * @param tol relative tolerance
     * @param floor magnitude below which the tolerance is absolute
     * @return whether they agree
     */
    public static boolean close(double expected, double actual, double tol, double floor) {
        return Math.abs(actual - expected) <= tol * Math.max(Math.abs(expected), floor);
    }

    /**
     * Asserts relative closeness (see {@link #close}).
     *
     * @param what name of the value, for the failure message
     * @param expected reference value
     * @param actual computed value
     * @param tol relative tolerance
     * @param floor magnitude below which the tolerance is absolute
     */
    public static void assertClose(String what, double expected, double actual, double tol, double floor) {
        if (!close(expected, actual, tol, floor)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual
                + " (relative error " + Math.abs(actual - expected) / Math.max(Math.abs(expected), floor) + ")");
        }
    }
}
