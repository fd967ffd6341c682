package org.alliancelab.plot;

import java.util.List;
import java.util.Objects;

/**
 * One line of a performance plot: a measure of one analysis across the levels of a factor.
 *
 * @param name legend entry, e.g. "Adjusted (partial r)"
 * @param points one point per factor level, in level order
 */
public record PerformanceSeries(String name, List<Point> points) {

    /** Copies the list. */
    public PerformanceSeries {
        Objects.requireNonNull(name, "name");
        points = List.copyOf(points);
    }

    /**
     * @param level the factor level (x)
     * @param estimate the measure with its MCSE (y and error bar)
     */
    public record Point(double level, McEstimate estimate) {
    }
}
