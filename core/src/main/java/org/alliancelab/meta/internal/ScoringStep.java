package org.alliancelab.meta.internal;

/**
 * The step rule of Fisher scoring for a variance component &tau;<sup>2</sup> &ge; 0, as metafor
 * takes it, with a safeguard metafor lacks.
 *
 * <p>metafor's rule: &tau;<sup>2</sup> + adj with adj = score/information, halving adj while it
 * would make &tau;<sup>2</sup> negative. The safeguard: every iterate bounds the root of the
 * score from one side (score &gt; 0 below the root, &lt; 0 above it, for the usual unimodal
 * likelihood). Once the score has changed sign the root is bracketed, and a step that leaves
 * the bracket or fails to halve the previous step is replaced by bisection (the rtsafe rule,
 * Press et al., <i>Numerical Recipes</i>, 3rd ed., section 9.4). Where plain scoring converges
 * monotonically this never triggers; where it oscillates (the expected information badly
 * understating the curvature) it still converges to the root.
 *
 * <p>Mutable; one instance per fit (or {@link #reset()} between fits).
 */
public final class ScoringStep {
    private double below;
    private double above;
    private double lastStep;

    private ScoringStep() {
        reset();
    }

    /** @return a rule with no bracket yet */
    public static ScoringStep start() {
        return new ScoringStep();
    }

    /** Forgets the bracket, for the next fit. */
    public void reset() {
        below = 0;
        above = Double.POSITIVE_INFINITY;
        lastStep = Double.POSITIVE_INFINITY;
    }

    /**
     * @param tau2 the current value (&ge; 0)
     * @param score the score (or a positive multiple of it) at tau2
     * @param information the (expected) information at tau2, positive
     * @return the next value, &ge; 0
     */
    public double next(double tau2, double score, double information) {
        if (score > 0) {
            below = Math.max(below, tau2);
        } else {
            above = Math.min(above, tau2);
        }
        double adj = score / information;
        if (tau2 + adj < 0) {
            if (tau2 == 0) {
                adj = 0;
            }
            if (Double.isInfinite(adj)) {
                adj = -tau2; // halving an infinite step never ends
            }
            while (tau2 + adj < 0) {
                adj /= 2;
            }
        }
        double next = tau2 + adj;
        if (above < Double.POSITIVE_INFINITY
            && (!(next >= below && next <= above) || Math.abs(adj) > 0.5 * Math.abs(lastStep))) {
            next = 0.5 * (below + above);
        }
        lastStep = next - tau2;
        return next;
    }
}
