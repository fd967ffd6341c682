package org.alliancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alliancelab.cli.io.AtomicOutput;
import org.alliancelab.cli.io.OutputException;
import org.alliancelab.plot.Figure;
import org.alliancelab.plot.PlotFormat;
import org.alliancelab.report.FrontierOutput;
import org.alliancelab.report.FrontierOutputReader;
import org.alliancelab.report.HtmlReport;
import org.alliancelab.report.SimulationOutput;
import org.alliancelab.report.SimulationOutputReader;
import org.alliancelab.simulate.results.RunFiles;
import org.alliancelab.simulate.results.SimulationOutputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report DIR... [--out report.html]}: a single self-contained HTML page (inline SVG
 * plots, no network access needed) for one or more {@code simulate} output directories. With
 * two or more directories the page opens with the worlds side by side against the synthesis's
 * figures; {@code --frontier DIR} adds the sections of {@code frontier} outputs.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write a self-contained HTML report (plots inline, no network needed) for simulate output "
        + "directories: the scenario and its causal graph, the truth values, sampling distributions, "
        + "rejection rate and coverage across the grid, and the performance table.",
        "Example: report alliance-lab-out/fluckiger2018 alliance-lab-out/fluckiger2018-null --out report.html",
        "With --frontier DIR, also the causal worlds a published table allows (the output of frontier)."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "DIR", description = "Output directories of simulate (with summary.json).")
    private List<Path> dirs = new ArrayList<>();

    @Option(names = "--frontier", paramLabel = "DIR",
        description = "Also report a frontier output directory (with frontier.json): its headline, plot and table. "
            + "Repeatable; enough on its own.")
    private List<Path> frontierDirs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "HTML file to write (default: DIR/report.html of the first DIR).")
    private Path out;

    @Option(names = "--figures", paramLabel = "DIR",
        description = "Also write each figure of the report as a file in DIR (created if missing), "
            + "named after the scenario and the plot, e.g. fluckiger2018-sampling-distribution.svg.")
    private Path figures;

    @Option(names = "--figure-format", defaultValue = "svg", paramLabel = "FORMAT",
        description = "Format of the --figures files: svg or png (default: ${DEFAULT-VALUE}).")
    private PlotFormat figureFormat;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (dirs.isEmpty() && frontierDirs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: DIR (a simulate output "
                + "directory) or --frontier DIR");
        }
        Path target = out != null ? out : (dirs.isEmpty() ? frontierDirs : dirs).get(0).resolve("report.html");
        try {
            for (Path dir : dirs) {
                for (String input : List.of(RunFiles.SUMMARY_JSON, RunFiles.SUMMARY_CSV, RunFiles.REPLICATIONS_CSV)) {
                    AtomicOutput.checkNotInput(target, dir.resolve(input));
                }
            }
            for (Path dir : frontierDirs) {
                AtomicOutput.checkNotInput(target, dir.resolve(FrontierOutputReader.FRONTIER_JSON));
            }
        } catch (OutputException e) {
            err.println(AllianceLab.oneLine(e.getMessage()));
            return AllianceLab.EXIT_USER_ERROR;
        }
        List<SimulationOutput> runs = new ArrayList<>();
        List<FrontierOutput> frontiers = new ArrayList<>();
        try {
            for (Path dir : dirs) {
                runs.add(SimulationOutputReader.read(dir));
            }
            for (Path dir : frontierDirs) {
                frontiers.add(FrontierOutputReader.read(dir));
            }
        } catch (SimulationOutputException e) {
            err.println(AllianceLab.oneLine(e.getMessage()));
            return AllianceLab.EXIT_USER_ERROR;
        } catch (IOException e) {
            err.println(AllianceLab.oneLine("alliance-lab report: cannot read: " + e.getMessage()));
            return AllianceLab.EXIT_USER_ERROR;
        }
        HtmlReport.Rendered report = HtmlReport.build(runs, frontiers);
        // the page and its figures are written all or none: a failing figure leaves no new file
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(target, report.html().getBytes(StandardCharsets.UTF_8));
        PrintWriter o = spec.commandLine().getOut();
        try {
            if (figures != null) {
                try {
                    Files.createDirectories(figures);
                } catch (IOException e) {
                    throw OutputException.of(figures.toString(), "cannot create the figures directory: "
                        + e.getMessage(), e);
                }
                for (Map.Entry<String, Figure> f : report.figures().entrySet()) {
                    files.put(figures.resolve(f.getKey() + "." + figureFormat.extension()),
                        f.getValue().render(figureFormat));
                }
            }
            AtomicOutput.writeAll(files);
        } catch (OutputException e) {
            err.println(AllianceLab.oneLine(e.getMessage()));
            return AllianceLab.EXIT_USER_ERROR;
        }
        if (figures != null) {
            o.println("Wrote " + report.figures().size() + " figures to " + figures);
        }
        o.println("Wrote " + target);
        o.flush();
        return AllianceLab.EXIT_OK;
    }
}
