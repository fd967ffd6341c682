package org.alliancelab.simulate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.montecarlo.MonteCarloRunner;
import org.alliancelab.simulate.montecarlo.SavedStudies;
import org.alliancelab.simulate.montecarlo.ScenarioDesign;
import org.alliancelab.simulate.montecarlo.io.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grid factors with a name, several paths and a scale ({@link GridFactor}): the fields every
 * level sets in the resolved model, the column each factor keys, and one located line for
 * every malformed factor.
 */
class GridFactorTest {
    @TempDir
    Path tmp;

    /** Paths of {@link ScenarioTest#MINIMAL}: 0 C -> X (.5), 1 C -> Y (.4), 2 X -> Y (.3). */
    private static final String C_X = "/model/paths/0/beta";
    private static final String C_Y = "/model/paths/1/beta";

    private static Scenario withGrid(String grid) {
        return Scenario.parse(ScenarioTest.MINIMAL.replace("\"analyses\"", "\"grid\": " + grid + ", \"analyses\""),
            "g.json", "g");
    }

    private static ScenarioException invalid(String grid) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> withGrid(grid));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("g.json: " + e.pointer() + ": "), e.getMessage());
        return e;
    }

    @Test
    void aFactorWithSeveralPathsSetsEveryOne() {
        Scenario s = withGrid("[{\"name\": \"confounding\", \"paths\": [\"" + C_X + "\", \"" + C_Y + "\"],"
            + " \"levels\": [0.1, 0.3]}]");
        assertEquals(2, s.conditions().size());
        for (int c = 0; c < 2; c++) {
            double level = c == 0 ? 0.1 : 0.3;
            Condition condition = s.conditions().get(c);
            assertEquals(List.of("confounding"), List.copyOf(condition.factors().keySet()));
            assertEquals(level, condition.factors().get("confounding"));
            assertEquals(level, condition.model().paths().get(0).beta());
            assertEquals(level, condition.model().paths().get(1).beta());
            assertEquals(0.3, condition.model().paths().get(2).beta(), "the path the factor does not name stays");
        }
        GridFactor f = s.grid().get(0);
        assertEquals("confounding", f.column());
        assertTrue(f.named());
        assertEquals(List.of(C_X, C_Y), f.paths());
        assertEquals(List.of(1.0, 1.0), f.scale());
    }

    /** scale [1, 0.5]: C -> Y is always half of C -> X; crossed with a named single-path factor. */
    @Test
    void scaleTiesTheFieldsAndNamedFactorsCross() {
        Scenario s = withGrid("[{\"name\": \"confounding\", \"paths\": [\"" + C_X + "\", \"" + C_Y + "\"],"
            + " \"scale\": [1, 0.5], \"levels\": [0.2, 0.6]},"
            + " {\"name\": \"k\", \"path\": \"/design/studies\", \"levels\": [10, 30]}]");
        assertEquals(4, s.conditions().size());
        Condition c2 = s.conditions().get(2);
        assertEquals(List.of("confounding", "k"), List.copyOf(c2.factors().keySet()));
        assertEquals(0.6, c2.factors().get("confounding"));
        assertEquals(10.0, c2.factors().get("k"));
        assertEquals(0.6, c2.model().paths().get(0).beta());
        assertEquals(0.3, c2.model().paths().get(1).beta());
        assertEquals(10, c2.design().studies());
        assertEquals(30, s.conditions().get(3).design().studies());
        assertEquals(0.1, s.conditions().get(1).model().paths().get(1).beta());
        // the truths follow the fields: stronger confounding, larger unadjusted - causal gap
        Condition weak = s.conditions().get(0);
        assertTrue(c2.truth().unadjusted() - c2.truth().causal() > weak.truth().unadjusted() - weak.truth().causal());
    }

    /** The old form and a one-pointer {@code paths} without name are the same factor: the pointer keys it. */
    @Test
    void unnamedOnePathFactorsKeepTheirPointer() {
        Scenario old = withGrid("[{\"path\": \"" + C_X + "\", \"levels\": [0.1, 0.2]}]");
        Scenario list = withGrid("[{\"paths\": [\"" + C_X + "\"], \"levels\": [0.1, 0.2]}]");
        for (Scenario s : List.of(old, list)) {
            GridFactor f = s.grid().get(0);
            assertEquals(C_X, f.column());
            assertFalse(f.named());
            assertEquals(List.of(C_X), List.copyOf(s.conditions().get(1).factors().keySet()));
        }
        assertEquals(old.conditions().get(1).model().paths(), list.conditions().get(1).model().paths());
        assertEquals(old.conditions().get(1).truth(), list.conditions().get(1).truth());
        assertTrue(Scenario.builtIn("causal").grid().stream().noneMatch(GridFactor::named));
    }

    @Test
    void aScaledLevelThatBreaksTheModelNamesTheConditionByTheFactorName() {
        ScenarioException e = invalid("[{\"name\": \"confounding\", \"paths\": [\"" + C_X + "\", \"" + C_Y + "\"],"
            + " \"scale\": [1, 3], \"levels\": [0.1, 0.3]}]");
        assertEquals("/model/nodes/2", e.pointer());
        assertTrue(e.getMessage().endsWith("(grid condition 1: {confounding=0.3})"), e.getMessage());
    }

    @Test
    void everyMalformedFactorIsOneLineNamingItsField() {
        String two = "[\"" + C_X + "\", \"" + C_Y + "\"]";
        assertEquals("/grid/0/paths", invalid("[{\"path\": \"" + C_X + "\", \"paths\": " + two
            + ", \"levels\": [0.1]}]").pointer());
        ScenarioException neither = invalid("[{\"name\": \"a\", \"levels\": [0.1]}]");
        assertEquals("/grid/0", neither.pointer());
        assertTrue(neither.problem().contains("'path'") && neither.problem().contains("'paths'"), neither.problem());
        assertEquals("/grid/0/paths", invalid("[{\"name\": \"a\", \"paths\": [], \"levels\": [0.1]}]").pointer());
        assertEquals("/grid/0/paths", invalid("[{\"name\": \"a\", \"paths\": \"" + C_X + "\", \"levels\": [0.1]}]")
            .pointer());
        assertEquals("/grid/0/paths/1", invalid("[{\"name\": \"a\", \"paths\": [\"" + C_X + "\", 3], \"levels\": [0.1]}]")
            .pointer());
        assertEquals("/grid/0/paths/1", invalid("[{\"name\": \"a\", \"paths\": [\"" + C_X
            + "\", \"/model/paths/9/beta\"], \"levels\": [0.1]}]").pointer());
        assertEquals("/grid/0/paths/1", invalid("[{\"name\": \"a\", \"paths\": [\"" + C_X
            + "\", \"/model/exposure\"], \"levels\": [0.1]}]").pointer());
        ScenarioException twiceInOne = invalid("[{\"name\": \"a\", \"paths\": [\"" + C_X + "\", \"" + C_X
            + "\"], \"levels\": [0.1]}]");
        assertEquals("/grid/0/paths/1", twiceInOne.pointer());
        assertTrue(twiceInOne.problem().contains("twice"), twiceInOne.problem());
        ScenarioException twoFactors = invalid("[{\"path\": \"" + C_Y + "\", \"levels\": [0.1]},"
            + " {\"name\": \"a\", \"paths\": " + two + ", \"levels\": [0.1]}]");
        assertEquals("/grid/1/paths/1", twoFactors.pointer());
        assertTrue(twoFactors.problem().contains("grid factor 0"), twoFactors.problem());
        assertEquals("/grid/1/path", invalid("[{\"path\": \"" + C_Y + "\", \"levels\": [0.1]},"
            + " {\"path\": \"" + C_Y + "\", \"levels\": [0.2]}]").pointer());
        assertEquals("/grid/0/label", invalid("[{\"label\": \"a\", \"path\": \"" + C_X + "\", \"levels\": [0.1]}]")
            .pointer());
        assertEquals("/grid/0/levels/1", invalid("[{\"name\": \"a\", \"path\": \"" + C_X + "\", \"levels\": [0.1, \"x\"]}]")
            .pointer());
    }

    @Test
    void namesAreRSafeUniqueAndNoOtherColumn() {
        for (String bad : List.of("confounder strength", "1k", "k.1", "_k", "", "k-2", "\u00e9")) {
            ScenarioException e = invalid("[{\"name\": \"" + bad + "\", \"path\": \"" + C_X + "\", \"levels\": [0.1]}]");
            assertEquals("/grid/0/name", e.pointer(), bad);
            assertTrue(e.problem().contains("'" + bad + "'"), e.problem());
        }
        assertEquals("/grid/0/name", invalid("[{\"name\": 3, \"path\": \"" + C_X + "\", \"levels\": [0.1]}]").pointer());
        // R's reserved words, the fixed columns, a moderator and a coefficient column of studies.csv
        for (String taken : List.of("for", "NA", "TRUE", "condition", "replication", "n", "r", "value", "timing",
            "beta_C_X")) {
            ScenarioException e = invalid("[{\"name\": \"" + taken + "\", \"path\": \"" + C_X + "\", \"levels\": [0.1]}]");
            assertEquals("/grid/0/name", e.pointer(), taken);
        }
        ScenarioException twice = invalid("[{\"name\": \"a\", \"path\": \"" + C_X + "\", \"levels\": [0.1]},"
            + " {\"name\": \"a\", \"path\": \"" + C_Y + "\", \"levels\": [0.1]}]");
        assertEquals("/grid/1/name", twice.pointer());
        assertTrue(twice.problem().contains("grid factor 0"), twice.problem());
        // case matters in R: k and K are two columns
        assertEquals(2, withGrid("[{\"name\": \"k\", \"path\": \"" + C_X + "\", \"levels\": [0.1]},"
            + " {\"name\": \"K\", \"path\": \"" + C_Y + "\", \"levels\": [0.1, 0.2]}]").conditions().size());
    }

    @Test
    void aFactorThatNoPointerDescribesNeedsAName() {
        assertEquals("/grid/0", invalid("[{\"paths\": [\"" + C_X + "\", \"" + C_Y + "\"], \"levels\": [0.1]}]")
            .pointer());
        assertEquals("/grid/0", invalid("[{\"path\": \"" + C_X + "\", \"scale\": [2], \"levels\": [0.1]}]").pointer());
    }

    @Test
    void scaleHasOneFiniteNonZeroNumberPerPathAndFiniteProducts() {
        String two = "\"paths\": [\"" + C_X + "\", \"" + C_Y + "\"]";
        ScenarioException length = invalid("[{\"name\": \"a\", " + two + ", \"scale\": [1], \"levels\": [0.1]}]");
        assertEquals("/grid/0/scale", length.pointer());
        assertTrue(length.problem().contains("1 number for 2 paths"), length.problem());
        assertEquals("/grid/0/scale/1", invalid("[{\"name\": \"a\", " + two + ", \"scale\": [1, \"x\"], \"levels\": [0.1]}]")
            .pointer());
        assertEquals("/grid/0/scale", invalid("[{\"name\": \"a\", " + two + ", \"scale\": 2, \"levels\": [0.1]}]")
            .pointer());
        assertEquals("/grid/0/scale/0", invalid("[{\"name\": \"a\", " + two + ", \"scale\": [0, 1], \"levels\": [0.1]}]")
            .pointer());
        ScenarioException overflow = invalid("[{\"name\": \"a\", " + two + ", \"scale\": [1, 1e300],"
            + " \"levels\": [0.1, 1e10]}]");
        assertEquals("/grid/0/levels/1", overflow.pointer());
        assertTrue(overflow.problem().contains("not a finite number"), overflow.problem());
    }

    /**
     * The names a factor may not take are exactly the other columns the files write: every
     * header of summary.csv, replications.csv and studies.csv that is neither a factor, an
     * analysis column (with a dot), a moderator nor a coefficient is one of
     * {@link GridFactor#FIXED_COLUMNS}, and each of those is some file's header.
     */
    @Test
    void theRefusedNamesAreTheFilesOtherColumns() throws IOException {
        Scenario s = withGrid("[{\"name\": \"confounding\", \"paths\": [\"" + C_X + "\", \"" + C_Y + "\"],"
            + " \"levels\": [0.1]}]").withReplications(2);
        MonteCarloRunner.of(ScenarioDesign.of(s, Engine.SUFFICIENT)).run(tmp);
        SavedStudies.write(s, Engine.SUFFICIENT, List.of(0), tmp.resolve("studies.csv"));
        List<String> other = new ArrayList<>();
        for (String file : List.of("summary.csv", "replications.csv", "studies.csv")) {
            List<String> header = Csv.split(Files.readAllLines(tmp.resolve(file)).get(0));
            assertTrue(header.contains("confounding"), file + ": " + header);
            header.stream().filter(h -> !h.contains(".") && !h.equals("confounding") && !h.equals("timing")
                && !h.startsWith("beta_")).forEach(other::add);
        }
        assertTrue(GridFactor.FIXED_COLUMNS.containsAll(other), other.toString());
        assertTrue(other.containsAll(GridFactor.FIXED_COLUMNS), other.toString());
    }
}
