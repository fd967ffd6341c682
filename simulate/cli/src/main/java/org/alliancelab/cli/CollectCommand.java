package org.alliancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancelab.simulate.montecarlo.CheckpointException;
import org.alliancelab.simulate.montecarlo.MonteCarloCollector;
import org.alliancelab.simulate.montecarlo.ScenarioDesign;
import org.alliancelab.simulate.results.RunSummary;
import org.alliancelab.simulate.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code collect}: merges the directories of {@code simulate --shard i/K} runs into the files
 * a single run writes (byte for byte).
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
    description = {"Merge the output directories of 'simulate --shard i/K' runs into summary.json, summary.csv "
        + "and replications.csv, identical to those of an unsharded run."})
public final class CollectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "The shard output directories.")
    private List<Path> dirs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the merged output.")
    private Path out;

    @Option(names = "--quiet", description = "No table.")
    private boolean quiet;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            RunSummary merged = MonteCarloCollector.collect(dirs, out, ScenarioDesign::fromStored);
            if (!quiet) {
                ResultTables.print(o, merged);
                o.println();
                o.println("Merged " + dirs.size() + " shard directories into " + out);
            }
        } catch (CheckpointException | ScenarioException | IOException e) {
            err.println("alliance-lab collect: " + e.getMessage());
            return AllianceLab.EXIT_USER_ERROR;
        }
        o.flush();
        return AllianceLab.EXIT_OK;
    }
}
