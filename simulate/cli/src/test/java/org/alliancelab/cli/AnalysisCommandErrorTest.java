package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input and options for {@code pool --mods}, {@code pool --by}, {@code bias},
 * {@code influence} and {@code aggregate}: exit code 2, exactly one line on stderr naming the
 * file, line and column (or the option), no stack trace, nothing on stdout, no output file, and
 * an existing output file left as it was.
 */
class AnalysisCommandErrorTest {

    private static final String MOLLOY_LIKE = """
        study,r,n,controls,meanage,quality,blank
        A,0.187,109,none,22,1,
        B,0.162,749,none,53.59,1,x
        C,0.34,55,none,43.36,2,x
        D,0.32,65,multiple,46.39,3,x
        E,0.27,46,none,41.2,2,x
        F,0.18,72,multiple,60.1,1,x
        """;

    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** Runs a command with --out and checks the contract of a user error; returns the error line. */
    private String userError(String command, String... args) throws IOException {
        Path out = dir.resolve("result.out");
        Files.writeString(out, "previous result", StandardCharsets.UTF_8);
        String[] full = Stream.concat(Stream.of(command), Stream.concat(Stream.of(args),
            Stream.of("--out", out.toString()))).toArray(String[]::new);
        String line = CliRun.of(full).assertOneLineUserError(dir);
        assertEquals("previous result", Files.readString(out), "existing output untouched");
        return line;
    }

    // ---- pool --mods

    @Test
    void missingModeratorColumn() throws IOException {
        Path p = csv("m.csv", MOLLOY_LIKE);
        String line = userError("pool", "--input", p.toString(), "--mods", "meanage,age", "--format", "json");
        assertTrue(line.startsWith(p + ":1: column 'age': moderator column is missing (columns: study, r, n,"), line);
    }

    @Test
    void missingModeratorValueNamesTheCell() throws IOException {
        Path p = csv("m.csv", MOLLOY_LIKE);
        assertEquals(p + ":2: column 'blank': missing value (every study needs one)",
            userError("pool", "--input", p.toString(), "--mods", "blank", "--na", "fail"));
    }

    @Test
    void singleLevelModerator() throws IOException {
        Path p = csv("m.csv", MOLLOY_LIKE.replace("multiple", "none"));
        String line = userError("pool", "--input", p.toString(), "--mods", "controls");
        assertTrue(line.startsWith(p + ":1: column 'controls': "), line);
        assertTrue(line.contains("at least two levels"), line);
    }

    @Test
    void collinearModerators() throws IOException {
        Path p = csv("c.csv", """
            study,r,n,x,y
            A,0.1,50,1,2
            B,0.2,60,2,4
            C,0.3,70,3,6
            D,0.25,80,4,8
            E,0.15,90,5,10
            """);
        String line = userError("pool", "--input", p.toString(), "--mods", "x,y");
        assertTrue(line.startsWith(p + ":1: column 'y': "), line);
        assertTrue(line.contains("collinear"), line);
    }

    @Test
    void tooFewStudiesForTheModerators() throws IOException {
        Path p = csv("few.csv", "study,r,n,x\nA,0.1,50,1\nB,0.2,60,2\n");
        String line = userError("pool", "--input", p.toString(), "--mods", "x");
        assertTrue(line.startsWith(p + ":1: a meta-regression with 2 coefficients (intrcpt, x) needs more studies"),
            line);
    }

    @Test
    void moderatorGivenTwice() throws IOException {
        Path p = csv("m.csv", MOLLOY_LIKE);
        assertEquals(p + ":1: column 'meanage': moderator given twice in --mods",
            userError("pool", "--input", p.toString(), "--mods", "meanage,factor(meanage)"));
    }

    @Test
    void plotsOfMoreStudiesThanTheyCanShowAreRefusedBeforeComputing() throws IOException {
        StringBuilder sb = new StringBuilder("yi,vi\n");
        for (int i = 0; i < PlotOutput.MAX_FUNNEL_STUDIES + 1; i++) {
            sb.append(i % 7 * 0.01).append(',').append(0.01 + i % 5 * 0.001).append('\n');
        }
        Path p = csv("many.csv", sb.toString());
        Path plot = dir.resolve("forest.svg");
        assertEquals(p + ": --plot: a forest plot draws at most 2,000 studies, the file has 50,001; omit --plot",
            userError("pool", "--input", p.toString(), "--plot", plot.toString()));
        assertEquals(p + ": --plot: a funnel plot draws at most 50,000 studies, the file has 50,001; omit --plot",
            userError("bias", "--input", p.toString(), "--plot", dir.resolve("funnel.svg").toString()));
        assertTrue(Files.notExists(plot));
        // influence refits once per study: refused above its limit, also before computing
        StringBuilder more = new StringBuilder("yi,vi\n");
        for (int i = 0; i < InfluenceCommand.MAX_STUDIES + 1; i++) {
            more.append(i % 7 * 0.01).append(',').append(0.01 + i % 5 * 0.001).append('\n');
        }
        Path q = csv("more.csv", more.toString());
        assertEquals(q + ": the influence diagnostics refit the model once per study, so their time grows with the "
            + "square of the number of studies: at most 20,000 are accepted, the file has 20,001",
            userError("influence", "--input", q.toString()));
    }

    @Test
    void modsAndByTogether() throws IOException {
        Path p = csv("m.csv", MOLLOY_LIKE);
        String line = userError("pool", "--input", p.toString(), "--mods", "meanage", "--by", "controls");
        assertTrue(line.startsWith("alliance-lab pool: --mods and --by cannot be combined"), line);
    }

    // ---- pool --by

    @Test
    void unknownByColumn() throws IOException {
        Path p = csv("m.csv", MOLLOY_LIKE);
        String line = userError("pool", "--input", p.toString(), "--by", "rater", "--format", "json");
        assertTrue(line.startsWith(p + ":1: column 'rater': subgroup column (--by) is missing (columns: study,"),
            line);
    }

    @Test
    void missingSubgroupNamesTheCell() throws IOException {
        Path p = csv("m.csv", MOLLOY_LIKE);
        assertEquals(p + ":2: column 'blank': missing value (every study needs a subgroup)",
            userError("pool", "--input", p.toString(), "--by", "blank", "--na", "fail"));
    }

    @Test
    void subgroupTau2NeedsBy() throws IOException {
        Path p = csv("m.csv", MOLLOY_LIKE);
        String line = userError("pool", "--input", p.toString(), "--subgroup-tau2", "common");
        assertTrue(line.startsWith("alliance-lab pool: --subgroup-tau2 needs --by"), line);
        line = userError("pool", "--input", p.toString(), "--by", "controls", "--subgroup-tau2", "pooled");
        assertTrue(line.startsWith("alliance-lab pool: Invalid value for option '--subgroup-tau2'"), line);
    }

    // ---- bias, influence

    @Test
    void biasNeedsThreeStudies() throws IOException {
        Path p = csv("two.csv", "study,r,n\nA,0.1,50\nB,0.2,60\n");
        assertEquals(p + ": the bias diagnostics need at least 3 studies, got 2",
            userError("bias", "--input", p.toString(), "--format", "json"));
    }

    @Test
    void biasNeedsDifferentPrecisions() throws IOException {
        Path p = csv("same.csv", "study,r,n\nA,0.1,50\nB,0.2,50\nC,0.3,50\nD,0.4,50\n");
        String line = userError("bias", "--input", p.toString());
        assertTrue(line.startsWith(p + ": Egger's test, PET-PEESE and trim-and-fill need studies of different precision"), line);
    }

    @Test
    void biasUnknownTrimfillEstimator() throws IOException {
        Path p = csv("m.csv", MOLLOY_LIKE);
        String line = userError("bias", "--input", p.toString(), "--trimfill-estimator", "Q0");
        assertTrue(line.startsWith("alliance-lab bias: Invalid value for option '--trimfill-estimator'"), line);
    }

    @Test
    void influenceNeedsThreeStudies() throws IOException {
        Path p = csv("two.csv", "study,r,n\nA,0.1,50\nB,0.2,60\n");
        assertEquals(p + ": the influence diagnostics need at least 3 studies, got 2",
            userError("influence", "--input", p.toString(), "--format", "json"));
    }

    @Test
    void influenceReportsBadCellsAsPoolDoes() throws IOException {
        Path p = csv("bad.csv", "study,r,n\nA,0.1,50\nB,1.2,60\nC,0.3,70\n");
        assertEquals(p + ":3: column 'r': correlation must lie strictly between -1 and 1, got 1.2",
            userError("influence", "--input", p.toString()));
    }

    // ---- aggregate

    @Test
    void rhoOutsideMinusOneToOne() throws IOException {
        Path p = csv("m.csv", MOLLOY_LIKE);
        for (String rho : List.of("1.5", "-1.01", "NaN")) {
            String line = userError("aggregate", "--input", p.toString(), "--cluster", "controls", "--rho", rho);
            assertTrue(line.startsWith("alliance-lab aggregate: Invalid value for option '--rho': must lie in [-1, 1]"),
                line);
        }
        String line = userError("aggregate", "--input", p.toString(), "--cluster", "controls", "--rho", "half");
        assertTrue(line.startsWith("alliance-lab aggregate: Invalid value for option '--rho'"), line);
    }

    @Test
    void clusterColumnMissing() throws IOException {
        Path p = csv("m.csv", MOLLOY_LIKE);
        String line = userError("aggregate", "--input", p.toString(), "--cluster", "studyid", "--rho", "0.5");
        assertTrue(line.startsWith(p + ":1: column 'studyid': cluster column (--cluster) is missing (columns: study,"),
            line);
    }

    @Test
    void clusterCellMissing() throws IOException {
        Path p = csv("m.csv", MOLLOY_LIKE);
        assertEquals(p + ":2: column 'blank': missing value (every effect needs a cluster)",
            userError("aggregate", "--input", p.toString(), "--cluster", "blank", "--rho", "0.5"));
    }

    @Test
    void rhoTooNegativeForACluster() throws IOException {
        Path p = csv("m.csv", MOLLOY_LIKE);
        // 4 effects in cluster 'none': rho must exceed -1/3; the error points at the cluster's first row
        String line = userError("aggregate", "--input", p.toString(), "--cluster", "controls", "--rho", "-0.5");
        assertTrue(line.startsWith(p + ":2: column 'controls': rho = -0.5 gives a covariance matrix that is not"),
            line);
    }

    @Test
    void compositeBeyondOne() throws IOException {
        Path p = csv("hi.csv", "study,r,n\nA,0.9,50\nA,0.95,60\n");
        String line = userError("aggregate", "--input", p.toString(), "--cluster", "study", "--rho", "0",
            "--method", "composite");
        assertTrue(line.startsWith(p + ":2: column 'study': composite correlation of cluster 'A' is "), line);
    }

    @Test
    void compositeTakesNoMeasure() throws IOException {
        Path p = csv("m.csv", MOLLOY_LIKE);
        String line = userError("aggregate", "--input", p.toString(), "--cluster", "controls", "--rho", "0.5",
            "--method", "composite", "--measure", "ZCOR");
        assertTrue(line.startsWith("alliance-lab aggregate: --measure applies to --method cs"), line);
    }

    @Test
    void compositeNeedsCorrelations() throws IOException {
        Path p = csv("yv.csv", "study,yi,vi\nA,0.1,0.01\nA,0.2,0.02\n");
        String line = userError("aggregate", "--input", p.toString(), "--cluster", "study", "--rho", "0.5",
            "--method", "composite");
        assertTrue(line.startsWith(p + ":1: column 'r': required column is missing"), line);
    }
}
