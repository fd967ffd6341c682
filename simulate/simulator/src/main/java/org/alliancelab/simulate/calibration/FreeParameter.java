package org.alliancelab.simulate.calibration;

import java.util.List;
import java.util.Objects;

/**
 * A free parameter of a calibration template: one value, written to one or more numeric
 * fields of the scenario (several fields tie parameters together, e.g. the confounder's paths
 * into exposure and outcome kept equal), searched within {@code [lower, upper]}.
 *
 * @param name the label printed with the fit (default: the pointers)
 * @param pointers JSON pointers (RFC 6901, as grid paths) of the numeric fields it sets, at
 *     least one
 * @param lower smallest allowed value
 * @param upper largest allowed value, greater than {@code lower}
 * @param start where the search starts, in [lower, upper] (default: the template's value at
 *     the first pointer)
 */
public record FreeParameter(String name, List<String> pointers, double lower, double upper, double start) {

    /**
     * Validates and copies.
     *
     * @param name the label printed with the fit
     * @param pointers JSON pointers of the numeric fields it sets
     * @param lower smallest allowed value
     * @param upper largest allowed value
     * @param start where the search starts
     * @throws IllegalArgumentException for no pointer, bounds that are not finite and
     *     increasing, or a start outside them
     */
    public FreeParameter {
        Objects.requireNonNull(name, "name");
        pointers = List.copyOf(pointers);
        if (pointers.isEmpty()) {
            throw new IllegalArgumentException("a free parameter needs at least one path");
        }
        if (!(Double.isFinite(lower) && Double.isFinite(upper) && lower < upper)) {
            throw new IllegalArgumentException("bounds must be finite with lower < upper, got [" + lower + ", "
                + upper + "]");
        }
        if (!(start >= lower && start <= upper)) {
            throw new IllegalArgumentException("start " + start + " lies outside [" + lower + ", " + upper + "]");
        }
    }
}
