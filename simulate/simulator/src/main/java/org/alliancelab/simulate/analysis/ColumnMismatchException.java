package org.alliancelab.simulate.analysis;

/**
 * An analysis wrote a number of values that is not the number of columns it declared: a
 * programming error in the analysis, never a property of the simulated data. The Monte Carlo
 * runner does not record it as a failed replication; it stops the run.
 */
public final class ColumnMismatchException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message which analysis, how many values, which columns */
    ColumnMismatchException(String message) {
        super(message);
    }
}
