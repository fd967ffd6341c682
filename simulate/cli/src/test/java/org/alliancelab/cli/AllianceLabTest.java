package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.alliancelab.meta.pooling.NonConvergenceException;
import org.alliancelab.meta.pooling.TauSquaredEstimator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The top-level command: help, version, missing command and the internal-error path. */
class AllianceLabTest {

    @Test
    void versionComesFromTheFilteredResource() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("alliance-lab "), run.out());
        assertFalse(run.out().contains("unknown version"), "alliance-lab.properties must be filtered by Maven");
        assertFalse(run.out().contains("${"), run.out());
    }

    @Test
    void helpListsPool() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("pool"), run.out());
        CliRun pool = CliRun.of("pool", "--help");
        assertEquals(0, pool.exitCode());
        assertTrue(pool.out().contains("--measure"), pool.out());
    }

    @Test
    void missingCommandIsAUserError() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("alliance-lab: missing command: choose one of "), run.err());
    }

    @Test
    void unknownCommandIsAUserError() {
        CliRun run = CliRun.of("frobnicate");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
    }

    @Command(name = "boom", mixinStandardHelpOptions = true)
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("broken invariant");
        }
    }

    @Command(name = "diverge", mixinStandardHelpOptions = true)
    static final class Diverge implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new NonConvergenceException(TauSquaredEstimator.REML, 1000);
        }
    }

    private static CliRun runWithBoom(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = AllianceLab.configure(
            new CommandLine(new AllianceLab()).addSubcommand(new Boom()).addSubcommand(new Diverge()),
            new PrintWriter(out), new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void internalErrorIsOneLineAndExitOne() {
        CliRun run = runWithBoom("boom");
        assertEquals(1, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("alliance-lab boom: internal error: java.lang.IllegalStateException: broken invariant"),
            run.err());
    }

    @Test
    void nonConvergenceIsOneLineAndExitOne() {
        CliRun run = runWithBoom("diverge");
        assertEquals(1, run.exitCode());
        assertEquals(java.util.List.of("alliance-lab diverge: REML estimator of tau^2 did not converge in 1000 iterations; "
            + "try another --method"), run.errLines());
    }

    @Test
    void debugOptionPrintsTheStackTrace() {
        CliRun run = runWithBoom("boom", "--debug");
        assertEquals(1, run.exitCode());
        assertTrue(run.errLines().size() > 1, run.err());
        assertTrue(run.err().contains("\tat "), run.err());
        CliRun before = runWithBoom("--debug", "boom");
        assertTrue(before.err().contains("\tat "), before.err());
    }

    @Test
    void oneLineJoinsLines() {
        assertEquals("a; b; c", AllianceLab.oneLine("a\nb\r\n  c\n"));
    }
}
