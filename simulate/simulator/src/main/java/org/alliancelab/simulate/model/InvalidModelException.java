package org.alliancelab.simulate.model;

/**
 * A structural model that cannot be built: unknown node, cycle, reliability outside (0, 1],
 * paths explaining 100% or more of a node's variance, and so on.
 *
 * <p>{@link #location()} names the offending part relative to the model, as a JSON pointer
 * fragment such as {@code /paths/2/from} or {@code /nodes/1/reliability}, so that the scenario
 * reader can report the full pointer of the field.
 */
public final class InvalidModelException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @serial where in the model the problem is */
    private final String location;

    InvalidModelException(String location, String message) {
        super(message);
        this.location = location;
    }

    /** @return the JSON pointer of the offending field relative to the model object */
    public String location() {
        return location;
    }
}
