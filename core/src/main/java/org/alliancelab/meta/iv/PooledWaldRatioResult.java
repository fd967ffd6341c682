package org.alliancelab.meta.iv;

import java.util.List;

/**
 * The exposure's effect from pooled trials with one instrument ({@link PooledWaldRatio}).
 *
 * @param k number of trials
 * @param estimate the effect at which the pooled contrast {@code itt - b first} is zero;
 *     {@code NaN} when there is none
 * @param pValue the test of no effect, which is the pooled ITT test
 * @param level the confidence level of the set
 * @param intervals the confidence set: disjoint intervals sorted by their lower bound, closed
 *     where finite; {@code (-inf, +inf)} when the data do not bound the effect
 */
public record PooledWaldRatioResult(int k, double estimate, double pValue, double level, List<Interval> intervals) {

    /**
     * One interval of the confidence set.
     *
     * @param lower lower bound, possibly {@code -Infinity}
     * @param upper upper bound, possibly {@code +Infinity}
     */
    public record Interval(double lower, double upper) {
    }

    /** The shape of the confidence set. */
    public enum Shape {
        /** One finite interval. */
        INTERVAL,
        /** Two rays, {@code (-inf, a] and [b, +inf)}: the complement of an interval. */
        TWO_RAYS,
        /** The whole line: the data do not bound the effect. */
        WHOLE_LINE,
        /** Anything else (an interval and a ray, or several intervals). */
        OTHER
    }

    /**
     * Copies the set.
     *
     * @param k number of trials
     * @param estimate the effect where the pooled contrast is zero, NaN when there is none
     * @param pValue the test of no effect
     * @param level the confidence level
     * @param intervals the set, copied
     */
    public PooledWaldRatioResult {
        intervals = List.copyOf(intervals);
    }

    /** @return the set's shape */
    public Shape shape() {
        if (intervals.size() == 1) {
            Interval i = intervals.get(0);
            boolean unboundedBelow = i.lower() == Double.NEGATIVE_INFINITY;
            boolean unboundedAbove = i.upper() == Double.POSITIVE_INFINITY;
            if (unboundedBelow && unboundedAbove) {
                return Shape.WHOLE_LINE;
            }
            return unboundedBelow || unboundedAbove ? Shape.OTHER : Shape.INTERVAL;
        }
        if (intervals.size() == 2 && intervals.get(0).lower() == Double.NEGATIVE_INFINITY
            && intervals.get(1).upper() == Double.POSITIVE_INFINITY) {
            return Shape.TWO_RAYS;
        }
        return Shape.OTHER;
    }

    /**
     * @param b an effect
     * @return whether the confidence set contains it
     */
    public boolean contains(double b) {
        for (Interval i : intervals) {
            if (i.lower() <= b && b <= i.upper()) {
                return true;
            }
        }
        return false;
    }
}
