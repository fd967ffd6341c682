package org.alliancelab.meta.regression;

/**
 * Thrown when a moderator value cannot be used: a continuous value that is not a finite number,
 * a missing category, a categorical moderator with a single level, or moderators that are
 * collinear. Names the study (zero-based, -1 when the problem is not one study's) and the
 * moderator, so that callers reading files can point at the row and column.
 */
public final class InvalidModeratorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Index of the offending study, or -1. */
    private final int study;
    /** Name of the offending moderator. */
    private final String moderator;

    /**
     * @param study zero-based index of the study, or -1
     * @param moderator the moderator at fault
     * @param message what is wrong
     */
    public InvalidModeratorException(int study, String moderator, String message) {
        super(message);
        this.study = study;
        this.moderator = moderator;
    }

    /** @return zero-based index of the offending study, or -1 when not one study's */
    public int study() {
        return study;
    }

    /** @return the moderator at fault */
    public String moderator() {
        return moderator;
    }
}
