package org.alliancelab.meta.bias;

/** The side of the funnel plot on which studies are presumed missing. */
public enum FunnelSide {
    /** Missing studies have effects below the estimate (the usual publication-bias case). */
    LEFT,
    /** Missing studies have effects above the estimate. */
    RIGHT;

    /** @return "left" or "right", as metafor prints it */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
