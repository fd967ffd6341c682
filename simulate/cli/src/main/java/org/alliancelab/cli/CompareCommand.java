package org.alliancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alliancelab.simulate.calibration.Targets;
import org.alliancelab.simulate.results.ReplicationColumns;
import org.alliancelab.simulate.results.RunFiles;
import org.alliancelab.simulate.results.RunSummary;
import org.alliancelab.simulate.results.SimulationOutputException;
import org.alliancelab.simulate.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: prints finished {@code simulate} outputs side by side against the
 * synthesis's figures, a user's targets or nothing (without rerunning them).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Print finished simulate outputs side by side against the synthesis's figures "
        + "(Flückiger et al. 2018), with how often the adjusted-vs-unadjusted tests rejected.",
        "Example: compare alliance-lab-out/fluckiger2018 alliance-lab-out/fluckiger2018-null",
        "Against your own published figures: compare DIR... --targets my-targets.json (calibrate's format)."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Output directories of simulate (with summary.json).")
    private List<Path> dirs;

    /** The forms compare prints. */
    enum Format { TEXT, JSON, CSV }

    @picocli.CommandLine.Option(names = "--format", defaultValue = "text", paramLabel = "text|json|csv",
        description = "text (the side-by-side table and verdict), json (every run's summary and the verdicts; with "
            + "--targets FILE also each target against each run) or csv (one tidy row per run, condition and measure; "
            + "with --targets FILE one row per target, run and condition instead). Default: ${DEFAULT-VALUE}.")
    private Format format;

    /** The published column: the synthesis's table by default for the Flückiger scenarios, a targets file, or none. */
    static final class ReferenceOptions {
        @picocli.CommandLine.Option(names = "--targets", paramLabel = "FILE|synthesis",
            description = "Hold the runs against these published figures: a targets file in calibrate's format "
                + "(docs/calibration.md), or 'synthesis' for Flückiger et al.'s table. Default: the synthesis's table "
                + "when every run is a fluckiger2018 scenario, else none.")
        String targets;

        @picocli.CommandLine.Option(names = "--no-targets", description = "No published column: the runs' means only.")
        boolean none;
    }

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
    private ReferenceOptions reference;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        ResultTables.Reference against = null;
        Targets targets = null;
        if (reference != null && reference.none) {
            against = ResultTables.Reference.none();
        } else if (reference != null && "synthesis".equals(reference.targets)) {
            against = ResultTables.Reference.synthesis();
        } else if (reference != null) {
            try {
                targets = Targets.load(Path.of(reference.targets));
                against = ResultTables.Reference.of(targets);
            } catch (ScenarioException e) {
                spec.commandLine().getErr().println(AllianceLab.oneLine(e.getMessage()));
                return AllianceLab.EXIT_USER_ERROR;
            }
        }
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
            case JSON -> o.print(ComparisonReport.json(runs, dirs, pValues, java.util.Optional.ofNullable(targets)));
            case CSV -> o.print(targets != null ? ComparisonReport.targetsCsv(targets, runs) : ComparisonReport.csv(runs));
            default -> ResultTables.printSideBySide(o, runs, pValues,
                against != null ? against : ResultTables.Reference.defaultFor(runs));
        }
        o.flush();
        return 0;
    }
}
