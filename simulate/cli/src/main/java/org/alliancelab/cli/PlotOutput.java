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

    /** Most studies a forest plot draws: a row each, so 2,000 rows are already 40,000 px tall. */
    static final int MAX_FOREST_STUDIES = 2_000;
    /** Most studies a funnel plot draws: a marker each in the SVG, about 100 bytes apiece. */
    static final int MAX_FUNNEL_STUDIES = 50_000;

    /**
     * Refuses, before anything is computed, a plot of more studies than it can usefully show.
     *
     * @param plot the {@code --plot} file, or null
     * @param kind "forest" or "funnel"
     * @param studies the number of studies
     * @param limit the most studies that plot draws
     * @param source the input file, named in the error
     * @throws org.alliancelab.cli.io.InputException above the limit
     */
    static void checkSize(Path plot, String kind, int studies, int limit, String source) {
        if (plot != null && studies > limit) {
            throw org.alliancelab.cli.io.InputException.inFile(source, "--plot: a " + kind + " plot draws at most "
                + String.format(java.util.Locale.ROOT, "%,d", limit) + " studies, the file has "
                + String.format(java.util.Locale.ROOT, "%,d", studies) + "; omit --plot");
        }
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
