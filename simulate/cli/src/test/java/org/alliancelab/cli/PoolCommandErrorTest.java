package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Bad input and bad options: exit code 2, exactly one line on stderr that names the file,
 * line and column (or the option), no stack trace, nothing on stdout and no output file.
 */
class PoolCommandErrorTest {

    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** Runs pool with --out and checks the common contract of a user error; returns the error line. */
    private String userError(String... args) {
        Path out = dir.resolve("result.json");
        String[] full = Stream.concat(Stream.of("pool"), Stream.concat(Stream.of(args),
            Stream.of("--format", "json", "--out", out.toString()))).toArray(String[]::new);
        String line = CliRun.of(full).assertOneLineUserError(dir);
        assertFalse(Files.exists(out), "no output file");
        return line;
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nowhere.csv");
        assertEquals(missing + ": file not found", userError("--input", missing.toString()));
    }

    @Test
    void emptyFile() throws IOException {
        Path p = csv("empty.csv", "");
        assertTrue(userError("--input", p.toString()).startsWith(p + ": file is empty"));
        Path blank = csv("blank.csv", "\uFEFF\r\n  \r\n");
        assertTrue(userError("--input", blank.toString()).startsWith(blank + ": file is empty"));
    }

    @Test
    void headerOnly() throws IOException {
        Path p = csv("header.csv", "study,r,n\n\n");
        assertEquals(p + ":1: no studies: the file has a header line but no data rows", userError("--input", p.toString()));
    }

    @Test
    void missingRequiredColumn() throws IOException {
        Path p = csv("nocol.csv", "study,r\nA,0.2\n");
        String line = userError("--input", p.toString());
        assertTrue(line.startsWith(p + ":1: column 'n': required column is missing"), line);
        assertTrue(line.endsWith("(columns: study, r)"), line);
    }

    @Test
    void noEffectSizeColumns() throws IOException {
        Path p = csv("none.csv", "study,x\nA,0.2\n");
        String line = userError("--input", p.toString());
        assertTrue(line.startsWith(p + ":1: no effect-size columns"), line);
    }

    @Test
    void partialMeasureNeedsCovariates() throws IOException {
        Path p = csv("nocov.csv", "study,r,n\nA,0.2,50\n");
        String line = userError("--input", p.toString(), "--measure", "ZPCOR");
        assertTrue(line.startsWith(p + ":1: column 'covariates': required column is missing"), line);
    }

    @Test
    void nonNumericCell() throws IOException {
        Path p = csv("text.csv", "study,r,n\nA,0.2,50\nB,abc,60\n");
        assertEquals(p + ":3: column 'r': not a number: 'abc'", userError("--input", p.toString()));
    }

    @Test
    void missingCell() throws IOException {
        Path p = csv("na.csv", "study,r,n\nA,0.2,50\nB,NA,60\n");
        assertEquals(p + ":3: column 'r': missing value (every study needs one)", userError("--input", p.toString()));
    }

    @Test
    void correlationOutOfRange() throws IOException {
        // line 7 counts the header, a blank line and a quoted label spanning two lines
        Path p = csv("range.csv", "study,r,n\r\nA,0.2,50\r\n\r\n\"B\r\nsecond line\",0.3,40\r\nC,0.1,30\r\nD,1.2,45\r\n");
        assertEquals(p + ":7: column 'r': correlation must lie strictly between -1 and 1, got 1.2",
            userError("--input", p.toString()));
        Path one = csv("one.csv", "study,r,n\nA,-1,50\n");
        assertTrue(userError("--input", one.toString()).startsWith(one + ":2: column 'r': correlation must lie"));
    }

    @Test
    void sampleSizeBelowMinimum() throws IOException {
        // ZCOR needs n >= 4 (vi = 1/(n - 3)); COR needs n >= 2
        Path p = csv("small.csv", "study,r,n\nA,0.2,50\nB,0.1,3\n");
        String line = userError("--input", p.toString());
        assertEquals(p + ":3: column 'n': sample size n = 3 is below the minimum of 4 for ZCOR", line);
        // ZPCOR with 5 covariates needs n >= 9
        Path q = csv("smallp.csv", "study,r,n,covariates\nA,0.2,50,5\nB,0.1,8,5\n");
        String l2 = userError("--input", q.toString(), "--measure", "ZPCOR");
        assertTrue(l2.startsWith(q + ":3: column 'n': sample size n = 8 is below the minimum of 9 for ZPCOR"), l2);
    }

    @Test
    void nonIntegerSampleSize() throws IOException {
        Path p = csv("frac.csv", "study,r,n\nA,0.2,50.5\n");
        assertEquals(p + ":2: column 'n': must be a whole number, got 50.5", userError("--input", p.toString()));
    }

    @Test
    void nonPositiveVariance() throws IOException {
        Path p = csv("vi.csv", "study,yi,vi\nA,0.2,0.01\nB,0.3,-0.01\n");
        assertEquals(p + ":3: column 'vi': sampling variance must be positive, got -0.01",
            userError("--input", p.toString()));
        Path z = csv("vi0.csv", "study,yi,vi\nA,0.2,0\n");
        assertEquals(z + ":2: column 'vi': sampling variance must be positive, got 0", userError("--input", z.toString()));
    }

    @Test
    void duplicateColumnNames() throws IOException {
        Path p = csv("dup.csv", "study,r,n,r\nA,0.2,50,0.3\n");
        assertEquals(p + ":1: column 'r': duplicate column name (columns 2 and 4 of the header)",
            userError("--input", p.toString()));
    }

    @Test
    void rowWithWrongFieldCount() throws IOException {
        Path p = csv("short.csv", "study,r,n\nA,0.2,50\nB,0.3\n");
        assertEquals(p + ":3: row has 2 fields but the header has 3 columns", userError("--input", p.toString()));
    }

    @Test
    void semicolonSeparatedFileGetsAHint() throws IOException {
        Path p = csv("semi.csv", "study;r;n\nA;0,2;50\n");
        String line = userError("--input", p.toString());
        assertTrue(line.endsWith("fields must be separated by commas"), line);
    }

    @Test
    void tStatisticNeedsPartialMeasureWhenAdjusted() throws IOException {
        Path p = csv("t.csv", "study,t,n,covariates\nA,2.1,100,0\nB,3.0,80,2\n");
        String line = userError("--input", p.toString(), "--measure", "ZCOR");
        assertTrue(line.startsWith(p + ":3: column 'covariates': a t statistic adjusted for 2 covariates"), line);
    }

    @Test
    void unknownOptionValues() throws IOException {
        Path p = csv("ok.csv", "study,r,n\nA,0.2,50\nB,0.3,60\n");
        String method = userError("--input", p.toString(), "--method", "XYZ");
        assertTrue(method.startsWith("alliance-lab pool: Invalid value for option '--method': unknown method 'XYZ'"),
            method);
        String measure = userError("--input", p.toString(), "--measure", "SMD");
        assertTrue(measure.contains("'--measure': unknown measure 'SMD'"), measure);
        String test = userError("--input", p.toString(), "--test", "wald");
        assertTrue(test.contains("'--test': unknown test 'wald'"), test);
        String level = userError("--input", p.toString(), "--level", "95");
        assertTrue(level.contains("'--level': must lie strictly between 0 and 1, got 95.0"), level);
        String notNumber = userError("--input", p.toString(), "--level", "high");
        assertTrue(notNumber.contains("'--level'"), notNumber);
        String unknown = userError("--input", p.toString(), "--colour");
        assertTrue(unknown.contains("Unknown option: '--colour'"), unknown);
    }

    @Test
    void unknownFormat() throws IOException {
        Path p = csv("ok.csv", "study,r,n\nA,0.2,50\nB,0.3,60\n");
        CliRun run = CliRun.of("pool", "--input", p.toString(), "--format", "xml");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("'--format'"), run.err());
    }

    @Test
    void missingInputOption() {
        CliRun run = CliRun.of("pool");
        assertEquals(2, run.exitCode());
        assertEquals(List.of("alliance-lab pool: Missing required option: '--input=FILE' (see 'alliance-lab pool --help')"),
            run.errLines());
    }

    @Test
    void unwritableOutput() throws IOException {
        Path p = csv("ok.csv", "study,r,n\nA,0.2,50\nB,0.3,60\n");
        Path out = dir.resolve("no-such-dir").resolve("result.json");
        CliRun run = CliRun.of("pool", "--input", p.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith(out + ": cannot write"), run.err());
        assertFalse(Files.exists(out.getParent()));
    }

    @Test
    void failedRunLeavesExistingOutputUntouched() throws IOException {
        Path out = dir.resolve("keep.json");
        Files.writeString(out, "previous result");
        Path p = csv("bad.csv", "study,r,n\nA,2,50\n");
        CliRun run = CliRun.of("pool", "--input", p.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode());
        assertEquals("previous result", Files.readString(out));
    }
}
