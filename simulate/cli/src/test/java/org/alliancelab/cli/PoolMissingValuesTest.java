package org.alliancelab.cli;

import static org.alliancelab.cli.GoldenStudies.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.cli.io.StudyTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Missing moderator values ({@code --na omit}, the default): against metafor 3.8-1 on
 * {@code naomit/molloy2014_na.csv}, molloy2014 with empty and {@code NA} cells in a numeric
 * moderator ({@code meanage}), a categorical one ({@code design}) and a cluster column ({@code lab});
 * the values and the R calls are in {@code naomit/molloy2014_na.json}, written by
 * core/src/test/r/na-omit.R, which reads the same CSV file. Each model is compared to 1e-6
 * relative, and the studies it left out ({@code k_omitted}, {@code omitted}) to the rows metafor
 * left out ({@code which(!res$not.na)}); one more case, {@code naomit/reflevel_na.csv}, has the
 * reference level of a factor only in a study left out. Then {@code --na fail} and the errors.
 */
class PoolMissingValuesTest {

    private static final double TOL = 1e-6;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;

    private static final JsonNode REFERENCE = resource("molloy2014_na.json");

    @TestFactory
    List<DynamicTest> matchesMetafor() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : REFERENCE.get("cases")) {
            String kind = c.get("kind").asText();
            String method = c.get("method").asText();
            String name = kind + " " + method + " " + (c.has("mods") ? c.get("mods").asText() : c.get("by").asText());
            tests.add(DynamicTest.dynamicTest(name, () -> {
                switch (kind) {
                    case "metareg" -> metaRegression(c.has("input") ? input(c.get("input").asText()) : input(),
                        method, c.get("mods").asText(), c.get("expected"));
                    case "subgroups" -> subgroups(method, c.get("by").asText(), c.get("expected"));
                    case "robust" -> robust(method, c, c.get("expected"));
                    default -> throw new AssertionError(kind);
                }
            }));
        }
        assertEquals(8, tests.size(), "two meta-regressions and a subgroup analysis per method, a robust fit, "
            + "a reference level only in a study left out");
        return tests;
    }

    private static void metaRegression(Path input, String method, String mods, JsonNode e) {
        JsonNode a = GoldenStudies.json("pool", "--input", input.toString(), "--mods", mods, "--method", method,
            "--format", "json");
        assertEquals(e.get("k").asInt(), a.get("k").asInt(), "k");
        assertOmitted(input, e, a, List.of(mods.split(",")));
        // where metafor codes a level the studies kept lack, the coefficients are those of R's fit on
        // the kept rows (the same model, checked in the R script); tau2 and the tests are metafor's
        JsonNode ec = e.has("coded_as_kept") ? e.get("coded_as_kept") : e;
        JsonNode coefs = a.get("coefficients");
        assertEquals(ec.get("coef_names").size(), coefs.size(), "coefficients");
        for (int j = 0; j < coefs.size(); j++) {
            String name = ec.get("coef_names").get(j).asText();
            assertEquals(name, coefs.get(j).get("name").asText());
            assertClose(name + " estimate", ec.get("coef").get(j).asDouble(), coefs.get(j).get("estimate"), TOL, 1e-12);
            assertClose(name + " se", ec.get("se").get(j).asDouble(), coefs.get(j).get("se"), TOL, 1e-12);
            assertClose(name + " pval", ec.get("pval").get(j).asDouble(), coefs.get(j).get("pval"), TOL, 1e-12);
        }
        for (Map.Entry<String, String> key : Map.of("tau2", "tau2", "se_tau2", "tau2_se", "I2", "I2", "H2", "H2",
            "QE", "QE", "QEp", "QEp", "QM", "QM", "QMp", "QMp", "R2", "R2").entrySet()) {
            assertClose(key.getValue(), e.get(key.getKey()).asDouble(), a.get(key.getValue()), TOL, 1e-10);
        }
    }

    private static void subgroups(String method, String by, JsonNode e) {
        JsonNode a = GoldenStudies.json("pool", "--input", input().toString(), "--by", by, "--method", method,
            "--format", "json");
        assertEquals(e.get("k").asInt(), a.get("k").asInt(), "k: the studies in a subgroup");
        assertOmitted(input(), e, a, List.of(by));
        JsonNode groups = a.get("groups");
        assertEquals(e.get("groups").size(), groups.size());
        for (int g = 0; g < groups.size(); g++) {
            JsonNode eg = e.get("groups").get(g);
            JsonNode ag = groups.get(g);
            String level = eg.get("level").asText();
            assertEquals(level, ag.get("level").asText());
            assertEquals(eg.get("k").asInt(), ag.get("k").asInt(), level + " k");
            for (String key : List.of("estimate", "se", "pval", "tau2", "QE", "QEp", "I2")) {
                assertClose(level + " " + key, eg.get(key).asDouble(), ag.get(key), TOL, 1e-10);
            }
            assertTrue(!ag.has("k_omitted"), "the omissions are the analysis's, not a subgroup's");
            assertTrue(!ag.has("omitted"));
        }
        assertClose("Qbetween", e.get("Qbetween").asDouble(), a.get("Qbetween"), TOL, 1e-12);
        assertEquals(e.get("Qbetween_df").asInt(), a.get("Qbetween_df").asInt());
        assertClose("Qbetween_p", e.get("Qbetween_p").asDouble(), a.get("Qbetween_p"), TOL, 1e-12);
    }

    private static void robust(String method, JsonNode c, JsonNode e) {
        JsonNode a = GoldenStudies.json("pool", "--input", input().toString(), "--mods", c.get("mods").asText(),
            "--method", method, "--cluster", c.get("cluster").asText(), "--robust", "CR1", "--format", "json");
        assertOmitted(input(), e, a, List.of(c.get("mods").asText()));
        JsonNode er = e.get("robust");
        JsonNode ar = a.get("robust");
        assertEquals(er.get("clusters").asInt(), ar.get("clusters").asInt(), "clusters of the studies kept");
        for (int j = 0; j < er.get("coef").size(); j++) {
            JsonNode cf = ar.get("coefficients").get(j);
            assertClose("estimate " + j, er.get("coef").get(j).asDouble(), cf.get("estimate"), TOL, 1e-12);
            assertClose("se " + j, er.get("se").get(j).asDouble(), cf.get("se"), TOL, 1e-12);
            assertClose("tval " + j, er.get("tval").get(j).asDouble(), cf.get("tval"), TOL, 1e-12);
            assertClose("df " + j, er.get("df").asDouble(), cf.get("df"), TOL, 1e-12);
            assertClose("pval " + j, er.get("pval").get(j).asDouble(), cf.get("pval"), TOL, 1e-12);
        }
    }

    /** k_omitted and the rows of omitted are metafor's; each names the model's columns it has no value in. */
    private static void assertOmitted(Path input, JsonNode e, JsonNode a, List<String> columns) {
        JsonNode expected = e.get("omitted");
        assertEquals(expected.size(), a.get("k_omitted").asInt(), "k_omitted");
        JsonNode omitted = a.get("omitted");
        assertEquals(expected.size(), omitted.size());
        JsonNode csvRows = rows(input);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode o = omitted.get(i);
            int row = expected.get(i).asInt();
            assertEquals(row, o.get("row").asInt(), "omitted row " + i);
            assertEquals(row + 1, o.get("line").asInt(), "line: the header is line 1");
            JsonNode study = csvRows.get(row - 1).get("study");
            assertEquals(study == null ? "Study " + row : study.asText(), o.get("study").asText());
            List<String> missing = new ArrayList<>();
            for (String col : columns) {
                String cell = csvRows.get(row - 1).get(col).asText();
                if (cell.isEmpty() || cell.equals("NA")) {
                    missing.add(col);
                }
            }
            List<String> actual = new ArrayList<>();
            o.get("missing").forEach(m -> actual.add(m.asText()));
            assertEquals(missing, actual, "missing columns of row " + row);
        }
    }

    @Test
    void theModelWithoutModeratorsUsesEveryStudy() {
        JsonNode a = GoldenStudies.json("pool", "--input", input().toString(), "--format", "json");
        JsonNode e = GoldenStudies.load("molloy2014.json").poolCase("ZCOR", "REML", "z").get("expected");
        assertEquals(16, a.get("k").asInt());
        assertTrue(!a.has("k_omitted") && !a.has("omitted"), "no moderator, nothing to leave out, no such keys");
        assertClose("estimate", e.get("estimate").asDouble(), a.get("estimate"), TOL, 1e-12);
        assertClose("tau2", e.get("tau2").asDouble(), a.get("tau2"), TOL, 1e-12);
    }

    @Test
    void commonTau2QBetweenIsTheFactorModelsQm() {
        JsonNode a = GoldenStudies.json("pool", "--input", input().toString(), "--by", "design", "--subgroup-tau2",
            "common", "--format", "json");
        JsonNode e = metaregCase("REML", "design");
        assertClose("Qbetween = QM", e.get("QM").asDouble(), a.get("Qbetween"), TOL, 1e-12);
        for (JsonNode g : a.get("groups")) {
            assertClose("common tau2", e.get("tau2").asDouble(), g.get("tau2"), TOL, 1e-12);
        }
        assertEquals(2, a.get("k_omitted").asInt());
    }

    @Test
    void theSummarySaysWhichStudiesWereLeftOut() {
        CliRun run = CliRun.of("pool", "--input", input().toString(), "--mods", "meanage,design");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().toList().get(2).equals("4 studies left out (missing meanage, design): "
            + "Christensen et al. 1999; Cohen et al. 2004; Insel et al. 2006; Penedo et al. 2003"), run.out());
        assertTrue(run.out().startsWith("Mixed-effects meta-regression (k = 12;"), run.out());
        run = CliRun.of("pool", "--input", input().toString(), "--by", "design");
        assertTrue(run.out().contains(System.lineSeparator()
            + "2 studies left out (missing design): Cohen et al. 2004; Penedo et al. 2003" + System.lineSeparator()),
            run.out());
        run = CliRun.of("pool", "--input", input().toString(), "--mods", "quality");
        assertTrue(!run.out().contains("left out"), "nothing left out, nothing said");
        JsonNode a = GoldenStudies.json("pool", "--input", input().toString(), "--mods", "quality", "--format", "json");
        assertEquals(0, a.get("k_omitted").asInt(), "a model with moderators always has k_omitted");
        assertTrue(a.get("omitted").isArray() && a.get("omitted").isEmpty(), "and omitted, [] when none");
    }

    @Test
    void withoutAStudyColumnTheSummaryGivesTheRows() throws IOException {
        Path p = csv("rows.csv", "yi,vi,x\n0.1,0.01,1\n0.3,0.02,\n0.2,0.015,3\n0.4,0.01,NA\n0.25,0.02,2\n0.15,0.03,5\n");
        CliRun run = CliRun.of("pool", "--input", p.toString(), "--mods", "x", "--method", "DL");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 studies left out (missing x): rows 2, 4" + System.lineSeparator()), run.out());
        JsonNode a = GoldenStudies.json("pool", "--input", p.toString(), "--mods", "x", "--method", "DL",
            "--format", "json");
        assertEquals("Study 2", a.get("omitted").get(0).get("study").asText());
        assertEquals(3, a.get("omitted").get(0).get("line").asInt());
        // the model on the complete rows alone is the same model
        Path complete = csv("complete.csv", "yi,vi,x\n0.1,0.01,1\n0.2,0.015,3\n0.25,0.02,2\n0.15,0.03,5\n");
        JsonNode b = GoldenStudies.json("pool", "--input", complete.toString(), "--mods", "x", "--method", "DL",
            "--format", "json");
        assertEquals(b.get("coefficients"), a.get("coefficients"));
        assertEquals(b.get("tau2"), a.get("tau2"));
    }

    @Test
    void aTextCellDecidesTheTypeEvenInAStudyLeftOut() throws IOException {
        // as R's read.csv: one text cell makes the column categorical, whichever studies a model uses
        Path p = csv("type.csv", "yi,vi,x,z\n0.1,0.01,1,a\n0.3,0.02,other,\n0.2,0.015,2,b\n0.4,0.01,1,b\n"
            + "0.25,0.02,2,a\n0.15,0.03,1,a\n0.22,0.02,2,b\n");
        JsonNode a = GoldenStudies.json("pool", "--input", p.toString(), "--mods", "x,z", "--method", "DL",
            "--format", "json");
        assertEquals("factor(x)2", a.get("coefficients").get(1).get("name").asText(), a.toString());
    }

    @Test
    void naFailRefusesTheFirstMissingCell() throws IOException {
        Path out = dir.resolve("fail.out");
        Files.writeString(out, "previous result");
        for (List<String> model : List.of(List.of("--mods", "meanage,design"), List.of("--by", "design"))) {
            List<String> args = new ArrayList<>(List.of("pool", "--input", input().toString(), "--na", "fail",
                "--out", out.toString()));
            args.addAll(model);
            String line = CliRun.of(args.toArray(String[]::new)).assertOneLineUserError(dir);
            assertEquals(input() + (model.get(0).equals("--by")
                ? ":7: column 'design': missing value (every study needs a subgroup)"
                : ":5: column 'meanage': missing value (every study needs one)"), line);
        }
        assertEquals("previous result", Files.readString(out));
        String line = CliRun.of("pool", "--input", input().toString(), "--na", "drop", "--by", "design")
            .assertOneLineUserError(dir);
        assertTrue(line.startsWith("alliance-lab pool: Invalid value for option '--na'"), line);
    }

    @Test
    void noStudyLeft() throws IOException {
        Path p = csv("none.csv", "study,r,n,x,g\nA,0.1,50,,a\nB,0.2,60,NA,\nC,0.3,70,,b\n");
        assertEquals(p + ": no study left: every study has a missing value (empty or NA) in x",
            userError("pool", "--input", p.toString(), "--mods", "x"));
        assertEquals(p + ": no study left: every study has a missing value (empty or NA) in x or g",
            userError("pool", "--input", p.toString(), "--mods", "x,g"));
    }

    @Test
    void tooFewStudiesLeft() throws IOException {
        Path p = csv("few.csv", "study,r,n,x\nA,0.1,50,1\nB,0.2,60,\nC,0.3,70,2\nD,0.25,80,NA\n");
        assertEquals(p + ":1: a meta-regression with 2 coefficients (intrcpt, x) needs more studies than "
            + "coefficients, got 2 (2 left out for a missing x)", userError("pool", "--input", p.toString(), "--mods", "x"));
    }

    @Test
    void effectSizesStayStrict() throws IOException {
        Path p = csv("es.csv", "study,r,n,x\nA,0.1,50,1\nB,,60,2\nC,0.3,70,3\nD,0.25,80,4\n");
        assertEquals(p + ":3: column 'r': missing value (every study needs one)",
            userError("pool", "--input", p.toString(), "--mods", "x"));
        Path q = csv("vi.csv", "yi,vi,x\n0.1,0.01,1\n0.2,NA,2\n0.3,0.02,3\n0.25,0.01,4\n");
        assertEquals(q + ":3: column 'vi': missing value (every study needs one)",
            userError("pool", "--input", q.toString(), "--by", "x"));
    }

    @Test
    void aMissingClusterOfAStudyUsedIsAnError() throws IOException {
        // as metafor's robust(): the clusters of the studies kept must all be there
        Path p = csv("cl.csv", "study,r,n,x,lab\nA,0.1,50,1,a\nB,0.2,60,2,\nC,0.3,70,3,b\nD,0.25,80,4,b\n"
            + "E,0.15,90,5,c\nF,0.2,40,,d\n");
        assertEquals(p + ":3: column 'lab': missing value (every study the model uses needs a cluster)",
            userError("pool", "--input", p.toString(), "--mods", "x", "--cluster", "lab", "--robust", "CR1"));
    }

    private String userError(String... args) {
        return CliRun.of(args).assertOneLineUserError(dir);
    }

    private static JsonNode metaregCase(String method, String mods) {
        for (JsonNode c : REFERENCE.get("cases")) {
            if (c.get("kind").asText().equals("metareg") && c.get("method").asText().equals(method)
                && c.get("mods").asText().equals(mods)) {
                return c.get("expected");
            }
        }
        throw new AssertionError(method + " " + mods);
    }

    /** The CSV file R read, copied from the test classpath. */
    private static Path input() {
        return input(REFERENCE.get("input").asText());
    }

    private static Path input(String name) {
        Path p = dir.resolve(name);
        if (Files.notExists(p)) {
            try (InputStream in = PoolMissingValuesTest.class.getResourceAsStream("/naomit/" + name)) {
                Files.copy(in, p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    /** The CSV file's cells as the command line's reader gives them, for the expected labels and missing cells. */
    private static JsonNode rows(Path input) {
        List<Map<String, String>> out = new ArrayList<>();
        StudyTable t = StudyTable.read(input);
        for (StudyTable.Row r : t.rows()) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int j = 0; j < t.columns().size(); j++) {
                m.put(t.columns().get(j), r.cells().get(j));
            }
            out.add(m);
        }
        return MAPPER.valueToTree(out);
    }

    private static Path csv(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static JsonNode resource(String name) {
        try (InputStream in = PoolMissingValuesTest.class.getResourceAsStream("/naomit/" + name)) {
            if (in == null) {
                throw new IllegalStateException("reference file not on the test classpath: " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
