package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Runs the command line in-process and captures what it prints. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AllianceLab.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Runs one command alone, configured as {@link AllianceLab} configures its subcommands
     * (case-insensitive enum values, one-line errors).
     */
    static CliRun ofCommand(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = AllianceLab.configure(new CommandLine(command), new PrintWriter(out), new PrintWriter(err));
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * @param csv a CSV file the simulator wrote (studies.csv, replications.csv)
     * @return its rows, the header first, each split into fields
     */
    static List<List<String>> csvRows(Path csv) {
        try {
            return Files.readAllLines(csv).stream().map(org.alliancelab.simulate.montecarlo.io.Csv::split).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the non-empty lines written to standard error */
    List<String> errLines() {
        return err.lines().filter(l -> !l.isEmpty()).toList();
    }

    /**
     * Checks the command line's contract for a user error: exit code 2, exactly one line on
     * stderr, no stack trace or exception class name, nothing on stdout, no temporary file left
     * in the output's directory.
     *
     * @param outputDir the directory of the run's {@code --out} file
     * @return the error line
     */
    String assertOneLineUserError(Path outputDir) {
        assertEquals(2, exitCode, () -> "exit code; stderr: " + err);
        List<String> lines = errLines();
        assertEquals(1, lines.size(), () -> "exactly one stderr line, got: " + err);
        assertFalse(err.contains("\tat "), "no stack trace");
        assertFalse(err.contains("Exception"), "no exception class names");
        assertEquals("", out, "nothing on stdout");
        try (Stream<Path> files = Files.list(outputDir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines.get(0);
    }
}
