package org.alliancelab.cli;

/**
 * What a model does with a study that has no value (an empty or {@code NA} cell) in one of the
 * model's moderator columns, as R's {@code na.action}. Effect sizes are never missing: the input
 * reader refuses an empty effect-size cell whatever the action.
 */
public enum NaAction {
    /**
     * Leave the study out of that model, and say so ({@code k_omitted}, {@code omitted}); metafor's
     * default, {@code na.action = "na.omit"}.
     */
    OMIT,
    /** Refuse the file, naming the first missing cell ({@code na.action = "na.fail"}). */
    FAIL
}
