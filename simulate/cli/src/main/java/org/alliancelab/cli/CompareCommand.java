package org.alliancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alliancelab.simulate.results.ReplicationColumns;
import org.alliancelab.simulate.results.RunFiles;
import org.alliancelab.simulate.results.RunSummary;
import org.alliancelab.simulate.results.SimulationOutputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: prints finished {@code simulate} outputs side by side against the
 * synthesis's figures (without rerunning them).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Print finished simulate outputs side by side against the synthesis's figures "
        + "(Flückiger et al. 2018), with how often the adjusted-vs-unadjusted tests rejected.",
        "Example: compare alliance-lab-out/fluckiger2018 alliance-lab-out/fluckiger2018-null"})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Output directories of simulate (with summary.json).")
    private List<Path> dirs;

    /** The forms compare prints. */
    enum Format { TEXT, JSON, CSV }

    @picocli.CommandLine.Option(names = "--format", defaultValue = "text", paramLabel = "text|json|csv",
        description = "text (the side-by-side table and verdict), json (every run's summary and the verdicts) or csv "
            + "(one tidy row per run, condition and measure). Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        List<RunSummary> runs = new ArrayList<>();
        List<Map<Integer, Map<String, double[]>>> pValues = new ArrayList<>();
        try {
            for (Path d : dirs) {
                RunSummary run = RunSummary.read(d);
                runs.add(run);
                pValues.add(ReplicationColumns.read(d.resolve(RunFiles.REPLICATIONS_CSV), run,
                    ResultTables.P_COLUMNS::contains));
            }
        } catch (SimulationOutputException | IOException e) {
            spec.commandLine().getErr().println("alliance-lab compare: " + e.getMessage());
            return 2;
        }
        switch (format) {
            case JSON -> o.print(ComparisonReport.json(runs, dirs, pValues));
            case CSV -> o.print(ComparisonReport.csv(runs));
            default -> ResultTables.printSideBySide(o, runs, pValues);
        }
        o.flush();
        return 0;
    }
}
