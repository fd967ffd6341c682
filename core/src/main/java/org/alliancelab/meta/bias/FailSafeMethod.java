package org.alliancelab.meta.bias;

/** How a fail-safe number is defined. */
public enum FailSafeMethod {
    /** Rosenthal (1979): studies averaging a null result that make Stouffer's test non-significant. */
    ROSENTHAL,
    /** Orwin (1983): studies with effect 0 that bring the mean effect down to a target value. */
    ORWIN
}
