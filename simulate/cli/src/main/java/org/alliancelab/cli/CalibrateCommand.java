package org.alliancelab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alliancelab.cli.io.AtomicOutput;
import org.alliancelab.simulate.calibration.Calibration;
import org.alliancelab.simulate.calibration.Calibrator;
import org.alliancelab.simulate.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-lab calibrate}: fits a template's free parameters to published figures on the
 * exact population algebra (bounded Levenberg–Marquardt least squares, no simulation), prints
 * every target with its fitted value and residual and every parameter, and writes the
 * calibrated scenario. When no point within the bounds meets every target it names the targets
 * that cannot be met and how close it came, writes nothing and exits with code 1. A bad
 * template or targets file prints one line and exits with code 2. See docs/calibration.md.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Fit a scenario template's free parameters to published figures (population algebra, no "
        + "simulation) and write the calibrated scenario.", "",
        "Exit 1 (nothing written) when no point within the bounds meets every target within its tolerance."})
public final class CalibrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CalibrationInputs inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
        description = "Write the calibrated scenario here (atomically); without it only the fit is printed.")
    private Path out;

    @Override
    public Integer call() {
        if (out != null) {
            AtomicOutput.checkNotInput(out, inputs.templateFile());
            AtomicOutput.checkNotInput(out, inputs.targetsFile());
            AtomicOutput.checkTarget(out);
        }
        Calibrator calibrator;
        try {
            calibrator = Calibrator.of(inputs.template(), inputs.targets());
        } catch (ScenarioException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return AllianceLab.EXIT_USER_ERROR;
        }
        Calibration c;
        try {
            c = calibrator.fit();
        } catch (IllegalArgumentException invalid) {
            spec.commandLine().getErr().println(inputs.templateFile() + ": the scenario is invalid at the start values and at the "
                + "centre of the bounds: " + (invalid.getCause() == null ? invalid.getMessage()
                    : invalid.getCause().getMessage()));
            return AllianceLab.EXIT_USER_ERROR;
        }
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Calibration of %s to %s: %d targets, %d free parameters, %d Levenberg-Marquardt "
                + "iterations on the population algebra; %s%n%n", inputs.templateFile(), inputs.targetsFile(), c.fits().size(),
            c.parameters().size(), c.iterations(), c.feasible() ? "every target met (largest |residual| "
                + String.format(Locale.ROOT, "%.2f", c.worstResidualInTolerances()) + " tolerances)"
                : c.unmet().size() + " not met");
        w.print(CalibrationReport.text(c, null));
        if (!c.feasible()) {
            w.flush();
            spec.commandLine().getErr().println("calibrate: no solution within the bounds: cannot meet "
                + CalibrationReport.unmet(c) + "; nothing written");
            spec.commandLine().getErr().flush();
            return AllianceLab.EXIT_FAILURE;
        }
        if (out != null) {
            AtomicOutput.write(out, c.scenario().toJson() + "\n");
            w.println();
            w.println("Calibrated scenario written to " + out);
        }
        w.flush();
        return AllianceLab.EXIT_OK;
    }
}
