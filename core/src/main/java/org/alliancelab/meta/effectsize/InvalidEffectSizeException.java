package org.alliancelab.meta.effectsize;

/**
 * Thrown when a study's inputs cannot give a valid effect size: a correlation outside (-1, 1)
 * or not a number, a sample too small for the measure, a non-positive or non-finite variance.
 *
 * <p>The exception names the study (zero-based index, or -1 when not known) and the input field
 * at fault, so that callers reading files can point the user at the row and column.
 */
public final class InvalidEffectSizeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Index of the offending study, or -1. */
    private final int study;
    /** Name of the offending field ("r", "n", "t", "covariates", "yi" or "vi"). */
    private final String field;

    /**
     * @param study zero-based index of the study, or -1 when not known
     * @param field the input field at fault
     * @param message what is wrong, in words a user understands
     */
    public InvalidEffectSizeException(int study, String field, String message) {
        super(message);
        this.study = study;
        this.field = field;
    }

    /** @return zero-based index of the offending study, or -1 when not known */
    public int study() {
        return study;
    }

    /** @return name of the offending input field */
    public String field() {
        return field;
    }

    /**
     * @param index the study's index
     * @return a copy of this exception naming the given study
     */
    public InvalidEffectSizeException forStudy(int index) {
        return new InvalidEffectSizeException(index, field, getMessage());
    }
}
