package org.alliancelab.cli;

import java.nio.file.Path;
import org.alliancelab.cli.io.AtomicOutput;
import org.alliancelab.plot.Figure;
import org.alliancelab.plot.PlotFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --plot FILE} of {@code pool} and {@code bias}: SVG or PNG by the file's extension,
 * checked before anything is computed, and written atomically with the command line's one-line
 * errors.
 */
final class PlotOutput {

    private PlotOutput() {
    }

    /**
     * @param spec the command, for the error message
     * @param plot the {@code --plot} file, or null
     * @param out the {@code --out} file, or null
     * @throws ParameterException for an extension other than .svg or .png, or the same file as
     *     {@code --out}
     * @throws org.alliancelab.cli.io.OutputException when the file is a directory or its
     *     directory does not exist
     */
    static void validate(CommandSpec spec, Path plot, Path out) {
        if (plot == null) {
            return;
        }
        format(spec, plot);
        if (out != null && out.toAbsolutePath().normalize().equals(plot.toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), "--plot and --out name the same file: " + plot);
        }
        AtomicOutput.checkTarget(plot);
    }

    /**
     * Renders the figure and hands it to the command's output, which writes it with the
     * result, all or none.
     *
     * @param spec the command
     * @param output the command's {@code --out}
     * @param plot the {@code --plot} file (validated)
     * @param figure the figure to write in the format of the extension
     */
    static void write(CommandSpec spec, OutputFileOption output, Path plot, Figure figure) {
        output.alsoWrite(plot, figure.render(format(spec, plot)));
    }

    private static PlotFormat format(CommandSpec spec, Path plot) {
        try {
            return PlotFormat.fromFileName(plot);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                "Invalid value for option '--plot': " + plot + ": the extension must be .svg or .png");
        }
    }
}
