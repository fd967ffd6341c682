package org.alliancelab.cli.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTableTest {

    @TempDir
    Path dir;

    @Test
    void keepsEveryColumnAndRowInOrder() {
        StudyTable t = StudyTable.parse("s.csv", "study,r,n,design,meanage\nA,0.1,20,rct,31.5\nB,-0.2,30,cohort,40\n");
        assertEquals(List.of("study", "r", "n", "design", "meanage"), t.columns());
        assertEquals(2, t.size());
        assertEquals(List.of("rct", "cohort"), t.column("design").texts());
        assertArrayEquals(new double[] {31.5, 40}, t.column("meanage").numbers());
        assertArrayEquals(new int[] {20, 30}, t.column("n").wholeNumbers());
        assertEquals(List.of(2, 3), t.rows().stream().map(StudyTable.Row::line).toList());
        assertEquals(1, t.rows().get(1).index());
    }

    @Test
    void handlesQuotesCrlfBomAndBlankLines() {
        String text = "\uFEFFstudy,r,n\r\n"
            + "\"Smith, J. (2001)\",0.25,40\r\n"
            + "\r\n"
            + "\"Quote \"\"A\"\"\r\nsecond line\", 0.3 ,\"50\"\r\n"
            + " C ,0.1,60\r\n"
            + "\r\n\r\n";
        StudyTable t = StudyTable.parse("s.csv", text);
        assertEquals(List.of("study", "r", "n"), t.columns(), "the byte-order mark is not part of the first name");
        assertEquals(List.of("Smith, J. (2001)", "Quote \"A\"\r\nsecond line", "C"), t.column("study").texts());
        assertArrayEquals(new double[] {0.25, 0.3, 0.1}, t.column("r").numbers());
        assertEquals(List.of(2, 4, 6), t.rows().stream().map(StudyTable.Row::line).toList());
    }

    /** isNumber agrees with number(): what number() accepts, and nothing it rejects. */
    @Test
    void isNumberMatchesWhatNumberAccepts() {
        StudyTable t = StudyTable.parse("s.csv", "x\n0.25\n-.1\n1e-3\n 7 \nNA\n\"\"\nnone\nNaN\nInf\n0x1\n1e999\n");
        Column x = t.column("x");
        List<Boolean> expected = List.of(true, true, true, true, false, false, false, false, false, false, false);
        for (int i = 0; i < expected.size(); i++) {
            int row = i;
            assertEquals(expected.get(i), x.isNumber(i), () -> "row " + row + ": '" + x.text(row) + "'");
            if (expected.get(i)) {
                x.number(i);
            } else {
                assertThrows(InputException.class, () -> x.number(row));
            }
        }
    }

    @Test
    void oldMacLineEndsAndNoFinalNewline() {
        StudyTable t = StudyTable.parse("s.csv", "study,r,n\rA,0.1,20\rB,0.2,30");
        assertEquals(2, t.size());
        assertEquals(3, t.rows().get(1).line());
    }

    @Test
    void cellErrorsPointAtTheLineWhereTheCellStarts() {
        StudyTable t = StudyTable.parse("s.csv", "study,r,n\n\"two\nlines\",x,20\n");
        InputException e = assertThrows(InputException.class, () -> t.column("r").number(0));
        assertEquals("s.csv:3: column 'r': not a number: 'x'", e.getMessage());
        assertEquals(3, e.line());
        assertEquals("r", e.column().orElseThrow());
        assertEquals("not a number: 'x'", e.problem());
    }

    @Test
    void numbersAreStrictDecimals() {
        StudyTable t = StudyTable.parse("s.csv", "x\n1e-3\n-.5\n+2.\nNaN\nInfinity\n0x1p3\n1.5d\n1e999\n\"\"\n");
        Column x = t.column("x");
        assertEquals(1e-3, x.number(0));
        assertEquals(-0.5, x.number(1));
        assertEquals(2.0, x.number(2));
        for (int i = 3; i <= 7; i++) {
            int row = i;
            assertThrows(InputException.class, () -> x.number(row), x.text(row));
        }
        assertTrue(assertThrows(InputException.class, () -> x.number(7)).getMessage().contains("out of range"));
        assertTrue(x.isMissing(8));
        assertTrue(assertThrows(InputException.class, () -> x.number(8)).getMessage().contains("missing value"));
    }

    @Test
    void wholeNumbersAcceptTrailingZeroDecimalsOnly() {
        StudyTable t = StudyTable.parse("s.csv", "n\n120.0\n12.5\n");
        assertEquals(120, t.column("n").wholeNumber(0));
        assertEquals("s.csv:3: column 'n': must be a whole number, got 12.5",
            assertThrows(InputException.class, () -> t.column("n").wholeNumber(1)).getMessage());
    }

    @Test
    void headerProblems() {
        assertEquals("s.csv: file is empty (expected a header line such as 'study,r,n')",
            assertThrows(InputException.class, () -> StudyTable.parse("s.csv", "\uFEFF \n\n")).getMessage());
        assertEquals("s.csv:1: column 'r': duplicate column name (columns 2 and 3 of the header)",
            assertThrows(InputException.class, () -> StudyTable.parse("s.csv", "study,r,r\n")).getMessage());
        StudyTable t = StudyTable.parse("s.csv", "study,r\n");
        assertEquals(0, t.size());
        assertEquals("s.csv:1: column 'n': required column is missing (columns: study, r)",
            assertThrows(InputException.class, () -> t.column("n")).getMessage());
        assertFalse(t.findColumn("n").isPresent());
    }

    @Test
    void rWriteCsvRowNameColumnIsTolerated() {
        StudyTable t = StudyTable.parse("s.csv", "\"\",\"study\",\"r\"\n\"1\",\"A\",0.2\n\"2\",\"B\",0.3\n");
        assertEquals(List.of("", "study", "r"), t.columns());
        assertEquals(List.of("A", "B"), t.column("study").texts());
    }

    @Test
    void malformedRows() {
        assertEquals("s.csv:2: quoted field is not closed (missing '\"')",
            assertThrows(InputException.class, () -> StudyTable.parse("s.csv", "a,b\n\"x,1\n2,3\n")).getMessage());
        assertEquals("s.csv:2: unexpected text after a closing quote: 'y'",
            assertThrows(InputException.class, () -> StudyTable.parse("s.csv", "a,b\n\"x\"y,1\n")).getMessage());
        assertEquals("s.csv:3: row has 3 fields but the header has 2 columns",
            assertThrows(InputException.class, () -> StudyTable.parse("s.csv", "a,b\n1,2\n1,2,3\n")).getMessage());
    }

    @Test
    void fileProblems() throws IOException {
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + ": file not found",
            assertThrows(InputException.class, () -> StudyTable.read(missing)).getMessage());
        assertEquals(dir + ": is a directory, not a CSV file",
            assertThrows(InputException.class, () -> StudyTable.read(dir)).getMessage());
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'s', 't', 'u', 'd', 'y', '\n', 'M', (byte) 0xFC, 'l', 'l', 'e', 'r', '\n'});
        // the invalid byte (u-umlaut in Latin-1) is on line 2
        assertEquals(latin1 + ":2: not UTF-8 text (save the file as UTF-8 CSV)",
            assertThrows(InputException.class, () -> StudyTable.read(latin1)).getMessage());
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "study,r,n\nMüller,0.2,30\n");
        assertEquals("Müller", StudyTable.read(ok).column("study").text(0));
    }

    /**
     * A file read in chunks gives the table its whole text gives: multi-byte characters, quoted
     * fields spanning lines, CRLF pairs and doubled quotes at every offset of the 64 K chunks of
     * the decoder and the parser (rows of varying length move them across the boundaries).
     */
    @Test
    void streamedFileEqualsTheTextParsedWhole() throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFFstudy,r,n,note\r\n");
        java.util.Random random = new java.util.Random(11);
        String[] notes = {"Müller \u20ac", "\"line one\r\nline two\"", "\"say \"\"hi\"\"\"", "\ud83d\ude00 emoji", " padded ", ""};
        for (int i = 0; i < 30_000; i++) {
            sb.append("s").append(i).append(',').append(random.nextInt(1000) / 1000.0).append(',')
                .append(20 + random.nextInt(200)).append(',').append(notes[random.nextInt(notes.length)])
                .append(random.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        String text = sb.toString();
        Path file = dir.resolve("big.csv");
        Files.writeString(file, text);
        assertTrue(Files.size(file) > 8 * 65_536, "spans many chunks");
        StudyTable streamed = StudyTable.read(file);
        StudyTable whole = StudyTable.parse("big.csv", text.substring(1));
        assertEquals(whole.columns(), streamed.columns());
        assertEquals(whole.size(), streamed.size());
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(whole.rows().get(i).cells(), streamed.rows().get(i).cells(), "row " + i);
            assertEquals(whole.rows().get(i).line(), streamed.rows().get(i).line(), "line of row " + i);
        }
        // the line of every row, counted independently: line ends outside quotes only
        int line = 1;
        int row = -1;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n') {
                line++;
                if (!quoted && row + 1 < streamed.size()) {
                    row++;
                    assertEquals(line, streamed.rows().get(row).line(), "row " + row);
                }
            }
        }
        assertEquals(streamed.size() - 1, row);
    }

    /** An invalid byte far into a streamed file is reported on its line, as the whole-file decoder does. */
    @Test
    void invalidByteBeyondTheFirstChunkNamesItsLine() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("study,r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < 20_000; i++) {
            bytes.writeBytes(("Müller " + i + ",0.1\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        bytes.write(0xE9); // a Latin-1 e-acute on line 20,002
        bytes.writeBytes("t,0.2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path file = dir.resolve("late.csv");
        Files.write(file, bytes.toByteArray());
        int expected = assertThrows(org.alliancelab.io.Utf8Text.MalformedException.class,
            () -> org.alliancelab.io.Utf8Text.decode(bytes.toByteArray())).line();
        assertEquals(20_002, expected);
        assertEquals(file + ":20002: not UTF-8 text (save the file as UTF-8 CSV)",
            assertThrows(InputException.class, () -> StudyTable.read(file)).getMessage());
    }

    /** The hand-written decimal scanner accepts exactly what the documented expression matches. */
    @Test
    void decimalScannerAgreesWithItsRegularExpression() {
        java.util.regex.Pattern decimal = java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
        String alphabet = "0123456789+-.eE x\u0663";
        java.util.Random random = new java.util.Random(5);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(7); n > 0; n--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            boolean expected = decimal.matcher(s).matches();
            assertEquals(expected, Column.isDecimal(s), () -> "'" + s + "'");
            accepted += expected ? 1 : 0;
        }
        assertTrue(accepted > 1000, "the sample has both kinds: " + accepted);
    }
}
