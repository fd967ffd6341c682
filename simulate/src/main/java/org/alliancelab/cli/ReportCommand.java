package org.alliancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancelab.cli.io.AtomicOutput;
import org.alliancelab.cli.io.OutputException;
import org.alliancelab.report.HtmlReport;
import org.alliancelab.report.SimulationOutput;
import org.alliancelab.report.SimulationOutputException;
import org.alliancelab.report.SimulationOutputReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report DIR... [--out report.html]}: a single self-contained HTML page (inline SVG
 * plots, no network access needed) for one or more {@code simulate} output directories. With
 * two or more directories the page opens with the worlds side by side against the synthesis's
 * figures.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write a self-contained HTML report (plots inline, no network needed) for simulate output "
        + "directories: the scenario and its causal graph, the truth values, sampling distributions, "
        + "rejection rate and coverage across the grid, and the performance table.",
        "Example: report alliance-lab-out/fluckiger2018 alliance-lab-out/fluckiger2018-null --out report.html"})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Output directories of simulate (with summary.json).")
    private List<Path> dirs;

    @Option(names = "--out", paramLabel = "FILE", description = "HTML file to write (default: DIR/report.html of the first DIR).")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<SimulationOutput> runs = new ArrayList<>();
        try {
            for (Path dir : dirs) {
                runs.add(SimulationOutputReader.read(dir));
            }
        } catch (SimulationOutputException e) {
            err.println(AllianceLab.oneLine(e.getMessage()));
            return AllianceLab.EXIT_USER_ERROR;
        } catch (IOException e) {
            err.println(AllianceLab.oneLine("alliance-lab report: cannot read: " + e.getMessage()));
            return AllianceLab.EXIT_USER_ERROR;
        }
        Path target = out != null ? out : dirs.get(0).resolve("report.html");
        try {
            AtomicOutput.write(target, HtmlReport.render(runs));
        } catch (OutputException e) {
            err.println(AllianceLab.oneLine(e.getMessage()));
            return AllianceLab.EXIT_USER_ERROR;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("Wrote " + target);
        o.flush();
        return AllianceLab.EXIT_OK;
    }
}
