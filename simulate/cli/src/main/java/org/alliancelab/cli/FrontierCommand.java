package org.alliancelab.cli;

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
import org.alliancelab.simulate.calibration.CalibrationTemplate;
import org.alliancelab.simulate.calibration.Frontier;
import org.alliancelab.simulate.calibration.FrontierPoint;
import org.alliancelab.simulate.calibration.MonteCarloCheck;
import org.alliancelab.simulate.calibration.Targets;
import org.alliancelab.simulate.model.Node;
import org.alliancelab.simulate.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-lab frontier}: the set of causal worlds compatible with a published table.
 * For each value of a swept parameter the template's free parameters are calibrated to the
 * targets; the command prints per value the population causal r, the unmeasured confounder's
 * partial R<sup>2</sup> with exposure and outcome and whether the table is reproduced, and a
 * headline, and writes {@code frontier.csv}, {@code frontier.json} and {@code frontier.svg}
 * into the output directory (all or none). See docs/calibration.md.
 */
@Command(name = "frontier", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"The causal worlds compatible with a published table: calibrate the template at each value of a "
        + "swept parameter and report the confounding each needs.", "",
        "Writes frontier.csv, frontier.json and frontier.svg into DIR."})
public final class FrontierCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CalibrationInputs inputs;

    @Option(names = "--sweep", required = true, paramLabel = "POINTER",
        description = "The swept numeric field, a JSON pointer such as /model/paths/7/beta (not a free parameter).")
    private String sweep;

    @Option(names = "--from", required = true, paramLabel = "X", description = "First value of the sweep.")
    private double from;

    @Option(names = "--to", required = true, paramLabel = "X", description = "Last value of the sweep.")
    private double to;

    @Option(names = "--steps", defaultValue = "31", paramLabel = "N",
        description = "Values from --from to --to, evenly spaced, at least 2 (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--confounder", paramLabel = "NODE",
        description = "The unmeasured confounder whose partial R^2 is reported (default: the model's only "
            + "unobserved node).")
    private String confounder;

    @Option(names = "--reps", defaultValue = "0", paramLabel = "N",
        description = "Simulate N syntheses at the null world (or the first compatible value when the sweep has no "
            + "null world) and at the largest compatible value and print the Monte Carlo means beside the targets "
            + "(default: none).")
    private int reps;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
        description = "Output directory (created if missing).")
    private Path out;

    @Override
    public Integer call() {
        if (steps < 2 || steps > 10_000) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--steps': must be between 2 "
                + "and 10000, got " + steps);
        }
        if (!(Double.isFinite(from) && Double.isFinite(to)) || from == to) {
            throw new ParameterException(spec.commandLine(), "Invalid values for '--from' and '--to': two different "
                + "finite numbers needed, got " + from + " and " + to);
        }
        if (reps < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--reps': must be >= 0, got "
                + reps);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw OutputException.of(out.toString(), "is not a directory", null);
        }
        CalibrationTemplate t;
        Targets g;
        try {
            t = inputs.template();
            g = inputs.targets();
            g.check(t.scenario());
        } catch (ScenarioException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return AllianceLab.EXIT_USER_ERROR;
        }
        String u = confounder != null ? confounder : onlyUnobserved(t);
        Frontier f;
        try {
            f = Frontier.of(t, g, sweep, from, to, steps, u);
        } catch (IllegalArgumentException | ScenarioException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
        List<FrontierPoint> checked = new ArrayList<>();
        List<MonteCarloCheck> checks = new ArrayList<>();
        if (reps > 0 && !f.compatible().isEmpty()) {
            checked.add(f.nullWorld().orElse(f.compatible().get(0)));
            FrontierPoint last = f.compatible().get(f.compatible().size() - 1);
            if (!checked.contains(last)) {
                checked.add(last);
            }
            for (FrontierPoint p : checked) {
                checks.add(MonteCarloCheck.of(p.calibration().orElseThrow().scenario(), g.targets(), reps));
            }
        }
        FrontierReport report = FrontierReport.of(f, t.free(), g.targets(), checked, checks);
        String text = report.text();
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(out.resolve("frontier.csv"), report.csv().getBytes(StandardCharsets.UTF_8));
        files.put(out.resolve("frontier.json"), report.json(inputs.templateFile().toString(), inputs.targetsFile().toString())
            .getBytes(StandardCharsets.UTF_8));
        files.put(out.resolve("frontier.svg"), report.plot().toSvgDocument().getBytes(StandardCharsets.UTF_8));
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw OutputException.of(out.toString(), "cannot create directory: " + e.getMessage(), null);
        }
        AtomicOutput.writeAll(files);
        var w = spec.commandLine().getOut();
        w.print(text);
        w.println();
        w.println("Wrote " + out.resolve("frontier.csv") + ", frontier.json and frontier.svg");
        w.flush();
        return AllianceLab.EXIT_OK;
    }

    private String onlyUnobserved(CalibrationTemplate t) {
        List<String> hidden = t.scenario().conditions().get(0).model().nodes().stream().filter(n -> !n.observed())
            .map(Node::name).toList();
        if (hidden.size() != 1) {
            throw new ParameterException(spec.commandLine(), "the model has " + hidden.size() + " unobserved nodes "
                + hidden + "; name the confounder with --confounder");
        }
        return hidden.get(0);
    }
}
