package org.alliancelab.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the report needs of a {@code frontier} output directory ({@code frontier.json}).
 *
 * @param dir the directory
 * @param template the template file the frontier was computed from
 * @param targets the targets file
 * @param pointer the swept field's JSON pointer
 * @param label the swept path's label, e.g. {@code alliance -> outcome}
 * @param confounder the unmeasured confounder whose strength is reported
 * @param headline the sentence {@code frontier} printed
 * @param points the points by increasing swept value, located edges included
 */
public record FrontierOutput(Path dir, String template, String targets, String pointer, String label,
                             String confounder, String headline, List<Point> points) {

    /** Copies the list. */
    public FrontierOutput {
        Objects.requireNonNull(dir, "dir");
        points = List.copyOf(points);
    }

    /**
     * One swept value.
     *
     * @param value the swept parameter's value
     * @param grid whether it is on the sweep's grid (false: an edge located by bisection)
     * @param compatible whether the calibration reproduces the table there
     * @param causal the population causal r of the calibrated world
     * @param exposure the confounder's partial R<sup>2</sup> with the exposure given the covariates
     * @param outcome the confounder's partial R<sup>2</sup> with the outcome given exposure and covariates
     * @param worstResidual the largest |residual| / tolerance over the targets
     * @param note why the point is not compatible ("" when it is): the targets not met, or why
     *     the model is invalid at this value (then the numbers are NaN)
     */
    public record Point(double value, boolean grid, boolean compatible, double causal, double exposure,
                        double outcome, double worstResidual, String note) {

        /** Checks the note. */
        public Point {
            Objects.requireNonNull(note, "note");
        }
    }
}
