package org.alliancelab.meta.bias;

/**
 * The p-value on which a selection model's steps are placed, as metafor's {@code selmodel}
 * argument {@code alternative}: with z<sub>i</sub> = y<sub>i</sub>/sqrt(v<sub>i</sub>),
 * <ul>
 *   <li>{@link #GREATER}: the one-sided p = 1 - &Phi;(z<sub>i</sub>) of a test for a positive
 *       effect (metafor's default; selection of significant positive results);</li>
 *   <li>{@link #LESS}: p = &Phi;(z<sub>i</sub>), for an expected negative effect;</li>
 *   <li>{@link #TWO_SIDED}: p = 2(1 - &Phi;(|z<sub>i</sub>|)), selection on significance
 *       regardless of the sign.</li>
 * </ul>
 */
public enum PValueAlternative {
    /** One-sided, large positive effects have small p-values. */
    GREATER("greater"),
    /** One-sided, large negative effects have small p-values. */
    LESS("less"),
    /** Two-sided. */
    TWO_SIDED("two.sided");

    private final String label;

    PValueAlternative(String label) {
        this.label = label;
    }

    /** @return metafor's name of the alternative: {@code greater}, {@code less}, {@code two.sided} */
    public String label() {
        return label;
    }

    /**
     * @param text a metafor name or a constant name, any case ({@code two-sided} is accepted)
     * @return the alternative
     * @throws IllegalArgumentException for anything else
     */
    public static PValueAlternative parse(String text) {
        for (PValueAlternative a : values()) {
            if (a.label.equalsIgnoreCase(text) || a.name().equalsIgnoreCase(text.replace('-', '_').replace('.', '_'))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown alternative '" + text + "': greater, less or two.sided");
    }
}
