package org.alliancelab.simulate.calibration;

import java.util.Objects;
import java.util.Optional;
import org.alliancelab.simulate.model.TruthValues;
import org.alliancelab.simulate.results.Estimand;
import org.alliancelab.simulate.scenario.Condition;

/**
 * One published figure and the population value of a scenario that must reproduce it.
 *
 * <p>The population value is the truth algebra's ({@link Condition#truth()},
 * {@link Condition#truthAmongReporters()}, {@link Condition#truthByModerator()}): a pooled
 * correlation of a set of studies is the cell-probability-weighted mean of the cells' expected
 * Fisher z, back-transformed; the {@value #REPORTING_STUDIES} quantity is
 * {@link Condition#expectedReportingStudies()}.
 *
 * @param name the label printed with the fit
 * @param estimand an {@link Estimand} key ({@code unadjusted}, {@code adjusted},
 *     {@code adjusted_latent}, {@code causal}, {@code total_effect}, {@code direct_effect},
 *     {@code difference}) or {@value #REPORTING_STUDIES}
 * @param studies the studies pooled
 * @param moderator a moderator whose level the figure is for, or null
 * @param level the level (with {@code moderator}), or null
 * @param value the published value
 * @param tolerance how far the population value may lie from {@code value} and still
 *     reproduce it (e.g. .005 for a figure published to two decimals); also the unit of the
 *     scaled residual
 * @param weight relative weight of the squared scaled residual in the least squares
 */
public record Target(String name, String estimand, StudySet studies, String moderator, String level, double value,
                     double tolerance, double weight) {
    /** The estimand of the expected number of studies reporting an adjusted estimate. */
    public static final String REPORTING_STUDIES = "reporting_studies";

    /**
     * Validates.
     *
     * @param name the label printed with the fit
     * @param estimand an estimand key or {@value #REPORTING_STUDIES}
     * @param studies the studies pooled
     * @param moderator a moderator, or null
     * @param level its level, or null
     * @param value the published value
     * @param tolerance positive
     * @param weight positive
     * @throws IllegalArgumentException for an unknown estimand, a moderator without level (or
     *     the reverse), a moderator level among the reporting studies, a count by moderator
     *     level, or a tolerance, weight or value that is not finite and positive
     */
    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(studies, "studies");
        if (!REPORTING_STUDIES.equals(estimand)) {
            Estimand.ofKey(estimand);
        }
        if ((moderator == null) != (level == null)) {
            throw new IllegalArgumentException("a moderator needs a level and a level a moderator");
        }
        if (moderator != null && studies == StudySet.REPORTING) {
            throw new IllegalArgumentException("the population values of a moderator level are those of all its "
                + "studies; a level among the reporting studies is not available");
        }
        if (REPORTING_STUDIES.equals(estimand) && (moderator != null || studies == StudySet.REPORTING)) {
            throw new IllegalArgumentException(REPORTING_STUDIES + " counts all published studies that report; "
                + "it takes no moderator and no studies");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, got " + value);
        }
        if (!(tolerance > 0 && tolerance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        }
        if (!(weight > 0 && weight < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("weight must be positive, got " + weight);
        }
    }

    /** @return the moderator, if the figure is for one of its levels */
    public Optional<String> moderatorName() {
        return Optional.ofNullable(moderator);
    }

    /**
     * The scenario's population value of this figure.
     *
     * @param condition the scenario's (single) condition
     * @return the population value
     * @throws IllegalArgumentException when the condition has no such moderator level or no
     *     study can report an adjusted estimate
     */
    public double of(Condition condition) {
        if (REPORTING_STUDIES.equals(estimand)) {
            return condition.expectedReportingStudies();
        }
        TruthValues truth;
        if (moderator != null) {
            var moderators = condition.design().moderators().stream().filter(m -> m.name().equals(moderator))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no moderator '" + moderator + "'"));
            if (moderators.levels().stream().noneMatch(l -> l.name().equals(level))) {
                throw new IllegalArgumentException("moderator '" + moderator + "' has no level '" + level + "'");
            }
            // A moderator whose levels share the model is left out of truthByModerator: its
            // levels have the values of all studies.
            truth = condition.truthByModerator().getOrDefault(moderator, java.util.Map.of())
                .getOrDefault(level, condition.truth());
        } else if (studies == StudySet.REPORTING) {
            if (condition.expectedReportingStudies() == 0) {
                throw new IllegalArgumentException("no study reports an adjusted estimate");
            }
            truth = condition.truthAmongReporters();
        } else {
            truth = condition.truth();
        }
        return Estimand.ofKey(estimand).of(truth);
    }

    /**
     * @param fitted the population value
     * @return {@code sqrt(weight) (fitted - value) / tolerance}: the term of the least squares
     */
    double scaledResidual(double fitted) {
        return Math.sqrt(weight) * (fitted - value) / tolerance;
    }

    /** @return what the figure is, e.g. "adjusted, reporting studies" or "unadjusted, timing = late" */
    public String describe() {
        String where = moderator != null ? moderator + " = " + level
            : REPORTING_STUDIES.equals(estimand) ? "expected count" : studies.key() + " studies";
        return (REPORTING_STUDIES.equals(estimand) ? "reporting studies" : estimand) + ", " + where;
    }
}
