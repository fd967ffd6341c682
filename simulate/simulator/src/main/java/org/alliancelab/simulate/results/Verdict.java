package org.alliancelab.simulate.results;

import java.util.Locale;
import java.util.Optional;

/**
 * The answer to "can this difference test tell world A from world B?" for one
 * adjusted-versus-unadjusted test, from two simulated worlds (conditions).
 *
 * <p>Rule: the test <b>tells the worlds apart</b> when its rejection rates differ by at least
 * {@value #MATERIAL_DIFFERENCE} (absolute, beyond 2 MCSE) and the AUC of its p values is at
 * least {@value #GOOD_AUC} from 1/2 (AUC &ge; .8 or &le; .2, the usual threshold of good
 * discrimination; Hosmer, Lemeshow &amp; Sturdivant 2013, Applied Logistic Regression, 3rd ed.,
 * sec. 5.2.4); it tells them apart <b>only weakly</b> when the rejection rates differ by at least
 * {@value #SMALL_DIFFERENCE} or the AUC is at least {@value #SMALL_AUC} from 1/2, beyond 2 MCSE;
 * otherwise it <b>cannot</b> (differences smaller than these would not change what one
 * synthesis's test result says about its world).
 *
 * @param analysis the difference test ({@link Analyses#DIFFERENCE_SUBGROUP} or
 *     {@link Analyses#DIFFERENCE_PAIRED})
 * @param worldA label of world A
 * @param worldB label of world B
 * @param rejectionA rejection rate of "no difference" in world A
 * @param mcseA its Monte Carlo SE
 * @param rejectionB rejection rate in world B
 * @param mcseB its Monte Carlo SE
 * @param discrimination AUC of the p values (smaller in A)
 * @param studies mean number of studies in the test (those reporting an adjusted estimate), world A
 * @param conclusion the answer
 */
public record Verdict(String analysis, String worldA, String worldB, double rejectionA, double mcseA,
                      double rejectionB, double mcseB, Discrimination discrimination, double studies,
                      Conclusion conclusion) {
    /** Smallest difference in rejection rates that counts as telling the worlds apart. */
    public static final double MATERIAL_DIFFERENCE = 0.5;
    /** Smallest distance of the AUC from 1/2 that counts as good discrimination. */
    public static final double GOOD_AUC = 0.3;
    /** Smallest difference in rejection rates that counts as weak discrimination. */
    public static final double SMALL_DIFFERENCE = 0.1;
    /** Smallest distance of the AUC from 1/2 that counts as weak discrimination. */
    public static final double SMALL_AUC = 0.1;

    /**
     * Why a gap between the adjusted and unadjusted estimates is not by itself evidence of
     * confounding, in one sentence.
     */
    public static final String NON_COLLAPSIBILITY = "A gap between adjusted and unadjusted estimates is not by "
        + "itself evidence of confounding: adjusting for a cause of the outcome changes a correlation even without "
        + "confounding (non-collapsibility).";

    /**
     * @param analysis a difference test
     * @return what it tests, in one line
     */
    public static String explanation(String analysis) {
        return analysis.equals(Analyses.DIFFERENCE_PAIRED)
            ? "paired test: is the mean within-study difference z(adjusted) - z(unadjusted) zero? (Cluster-robust "
                + "CR2 inference with a working correlation, unless the scenario says otherwise.)"
            : "subgroup Wald test: do the pooled adjusted and unadjusted estimates differ, taken as independent? "
                + "(Both come from the same studies, so its size is far below alpha.)";
    }

    /** The answer. */
    public enum Conclusion {
        /** Rejection rates and p values differ materially. */
        TELLS_APART("can tell the worlds apart"),
        /** A detectable but small difference. */
        WEAKLY("can tell the worlds apart only weakly"),
        /** No detectable difference. */
        CANNOT("cannot tell the worlds apart");

        private final String words;

        Conclusion(String words) {
            this.words = words;
        }

        /** @return the answer in words */
        public String words() {
            return words;
        }
    }

    /**
     * @param analysis the difference test
     * @param worldA label of world A
     * @param a world A's condition
     * @param pValuesA the test's p value in each replication of world A (NaN for a failure)
     * @param worldB label of world B
     * @param b world B's condition
     * @param pValuesB the p values in world B
     * @return the verdict, empty when a world lacks the test
     */
    public static Optional<Verdict> of(String analysis, String worldA, ConditionSummary a, double[] pValuesA,
                                       String worldB, ConditionSummary b, double[] pValuesB) {
        Optional<Measure> ra = a.find(analysis, MeasureNames.REJECTION_RATE, "");
        Optional<Measure> rb = b.find(analysis, MeasureNames.REJECTION_RATE, "");
        if (ra.isEmpty() || rb.isEmpty()) {
            return Optional.empty();
        }
        Discrimination d = Discrimination.of(pValuesA, pValuesB);
        double diff = ra.get().value() - rb.get().value();
        double diffMcse = Math.hypot(ra.get().mcse(), rb.get().mcse());
        double aucGap = Math.abs(d.auc() - 0.5);
        boolean rateDetectable = Math.abs(diff) > 2 * diffMcse;
        boolean aucDetectable = aucGap > 2 * d.mcse();
        Conclusion c;
        if (rateDetectable && Math.abs(diff) >= MATERIAL_DIFFERENCE && aucDetectable && aucGap >= GOOD_AUC) {
            c = Conclusion.TELLS_APART;
        } else if ((rateDetectable && Math.abs(diff) >= SMALL_DIFFERENCE) || (aucDetectable && aucGap >= SMALL_AUC)) {
            c = Conclusion.WEAKLY;
        } else {
            c = Conclusion.CANNOT;
        }
        double k = a.value(Analyses.STUDIES, MeasureNames.MEAN_K_ADJUSTED);
        return Optional.of(new Verdict(analysis, worldA, worldB, ra.get().value(), ra.get().mcse(),
            rb.get().value(), rb.get().mcse(), d, k, c));
    }

    /**
     * The verdicts of a side-by-side comparison: for each difference test (subgroup, then
     * paired), the first world against each other one, where both have the test and its p
     * values.
     *
     * @param labels a label per world
     * @param worlds the worlds' conditions
     * @param pValues per world, {@code replications.csv} column (e.g. {@code difference_paired.p})
     *     to the p value of each replication
     * @return the verdicts, in that order, each with the position of its world B in {@code worlds}
     */
    public static java.util.List<Against> ofWorlds(java.util.List<String> labels, java.util.List<ConditionSummary> worlds,
                                                   java.util.List<java.util.Map<String, double[]>> pValues) {
        java.util.List<Against> out = new java.util.ArrayList<>();
        for (String test : java.util.List.of(Analyses.DIFFERENCE_SUBGROUP, Analyses.DIFFERENCE_PAIRED)) {
            String column = Analyses.column(test, "p");
            for (int j = 1; j < worlds.size(); j++) {
                double[] pa = pValues.get(0).get(column);
                double[] pb = pValues.get(j).get(column);
                if (pa != null && pb != null) {
                    final int world = j;
                    of(test, labels.get(0), worlds.get(0), pa, labels.get(j), worlds.get(j), pb)
                        .ifPresent(v -> out.add(new Against(world, v)));
                }
            }
        }
        return out;
    }

    /**
     * A verdict of {@link #ofWorlds} with the position of its world B (labels need not be unique:
     * two runs of one scenario compare too).
     *
     * @param world position of world B in the list of worlds
     * @param verdict the verdict
     */
    public record Against(int world, Verdict verdict) {
    }

    /** @return rejection rate in A minus that in B */
    public double difference() {
        return rejectionA - rejectionB;
    }

    /** @return the Monte Carlo SE of {@link #difference()} (independent runs) */
    public double differenceMcse() {
        return Math.hypot(mcseA, mcseB);
    }

    /** @return one sentence with the answer */
    public String sentence() {
        return String.format(Locale.ROOT, "At %.0f studies, the %s test %s (%s from %s).", studies,
            analysis.equals(Analyses.DIFFERENCE_PAIRED) ? "paired" : "subgroup", conclusion.words(), worldA, worldB);
    }
}
