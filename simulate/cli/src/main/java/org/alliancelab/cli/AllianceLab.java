package org.alliancelab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.alliancelab.cli.io.InputException;
import org.alliancelab.cli.io.OutputException;
import org.alliancelab.meta.pooling.NonConvergenceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code alliance-lab} command line: a picocli command whose subcommands do the work.
 *
 * <p>Exit codes: {@value #EXIT_OK} on success; {@value #EXIT_USER_ERROR} for any problem with
 * what the user gave (an unknown option or option value, a missing or malformed input file,
 * an unwritable output file); {@value #EXIT_FAILURE} when the computation itself fails (an
 * iterative estimator does not converge) or on an internal error. Every error prints exactly
 * one line on standard error and no stack trace; {@code --debug} or the environment variable
 * {@value #DEBUG_ENV} adds the stack trace of internal errors.
 */
@Command(name = "alliance-lab",
    mixinStandardHelpOptions = true,
    versionProvider = AllianceLab.Version.class,
    description = "Simulation workbench for confounding in alliance-outcome meta-analyses.",
    subcommands = {PoolCommand.class, BiasCommand.class, InfluenceCommand.class, SensitivityCommand.class,
        AggregateCommand.class,
        TruthCommand.class, SimulateCommand.class, CollectCommand.class, CompareCommand.class,
        ReportCommand.class, ClusterCommand.class, ScenariosCommand.class,
        CalibrateCommand.class, FrontierCommand.class},
    footer = {"", "Exit codes: 0 success, 1 computation failed or internal error, 2 bad input or options."})
public final class AllianceLab implements Callable<Integer> {

    /** Exit code of a successful run. */
    public static final int EXIT_OK = 0;
    /** Exit code when the computation failed or on an internal error. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for bad options, bad input files and unwritable output files. */
    public static final int EXIT_USER_ERROR = 2;
    /** Environment variable that, when set to anything but "" or "0", enables stack traces. */
    public static final String DEBUG_ENV = "ALLIANCE_LAB_DEBUG";

    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
        description = "Print the stack trace of internal errors (or set " + DEBUG_ENV + "=1).")
    private boolean debug;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of "
            + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, cs), true);
        System.exit(run(out, err, args));
    }

    /**
     * Runs the command line without exiting (for tests and embedding).
     *
     * @param out receives normal output
     * @param err receives the error line
     * @param args the arguments
     * @return the exit code
     */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        int code;
        try {
            code = commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            // picocli passes errors through; the heap is released by now, so printing is safe
            err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            code = EXIT_FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * @param maxHeap the JVM's heap limit in bytes
     * @return the one line printed when a command runs out of memory: the limit hit and how to
     *     raise it
     */
    static String outOfMemory(long maxHeap) {
        return "alliance-lab: out of memory: the Java heap limit of " + (maxHeap >> 20) + " MB (-Xmx) was reached; "
            + "give the JVM more (java -Xmx8g -jar alliance-lab.jar ...) or less data";
    }

    /**
     * The configured command line: subcommands, case-insensitive enum values and the error
     * handlers that turn every failure into one line on standard error.
     *
     * @param out receives normal output
     * @param err receives the error line
     * @return the command line, ready to {@code execute}
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configure(new CommandLine(new AllianceLab()), out, err);
    }

    /**
     * Applies the output streams, case-insensitive enum values and error handlers to a command
     * line and every subcommand it has at this moment (picocli does not pass them on to
     * subcommands added later).
     *
     * @param cl the command line
     * @param out receives normal output
     * @param err receives the error line
     * @return {@code cl}
     */
    static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        // error lines quote input files: their control characters must not reach the terminal
        cl.setErr(new PrintWriter(new org.alliancelab.cli.io.ControlEscapingWriter(err), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(AllianceLab::handleParameterException);
        cl.setExecutionExceptionHandler(AllianceLab::handleExecutionException);
        return cl;
    }

    private static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName();
        cl.getErr().println(oneLine(name + ": " + ex.getMessage() + " (see '" + name + " --help')"));
        cl.getErr().flush();
        return EXIT_USER_ERROR;
    }

    private static int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        int code;
        if (ex instanceof InputException || ex instanceof OutputException) {
            err.println(oneLine(ex.getMessage()));
            code = EXIT_USER_ERROR;
        } else if (ex instanceof NonConvergenceException) {
            err.println(oneLine(name + ": " + ex.getMessage() + "; try another --method"));
            code = EXIT_FAILURE;
        } else if (ex instanceof ArithmeticException) {
            // The library's documented "cannot be computed" outcomes (e.g. trim-and-fill that
            // does not settle): the computation failed, the input was fine.
            err.println(oneLine(name + ": " + ex.getMessage()));
            code = EXIT_FAILURE;
        } else {
            boolean debug = debugRequested(parseResult);
            err.println(oneLine(name + ": internal error: " + ex
                + (debug ? "" : " (use --debug or " + DEBUG_ENV + "=1 for details)")));
            if (debug) {
                StringWriter trace = new StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                err.print(trace);
            }
            code = EXIT_FAILURE;
        }
        err.flush();
        return code;
    }

    private static boolean debugRequested(ParseResult parseResult) {
        String env = System.getenv(DEBUG_ENV);
        if (env != null && !env.isEmpty() && !env.equals("0")) {
            return true;
        }
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** Keeps the error to one line whatever a message contains. */
    static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** Reads the version that Maven filtered into {@code alliance-lab.properties}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = AllianceLab.class.getResourceAsStream("/alliance-lab.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"alliance-lab " + p.getProperty("version", "(unknown version)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
