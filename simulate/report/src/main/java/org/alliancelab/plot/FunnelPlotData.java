package org.alliancelab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.pooling.MetaAnalysisResult;

/**
 * Everything a funnel plot shows.
 *
 * @param title figure title, or "" for none
 * @param axisLabel label of the effect-size axis, e.g. "Fisher's z"
 * @param studies observed and (when trim-and-fill ran) imputed studies
 * @param center the estimate the pseudo-confidence region is centred on: the pooled estimate,
 *     or the trim-and-fill adjusted estimate when imputed studies are shown (as metafor's
 *     {@code funnel.rma} on a trim-and-fill object)
 * @param level level of the pseudo-confidence region, e.g. 0.95
 * @param egger Egger's regression line (which is also PET's), when it is to be drawn
 * @param peese PEESE's curve, when it is to be drawn
 */
public record FunnelPlotData(String title, String axisLabel, List<FunnelStudy> studies, double center,
                             double level, Optional<EggerLine> egger, Optional<PeeseCurve> peese) {

    /** @throws IllegalArgumentException without studies, for a non-finite centre or a level outside (0, 1) */
    public FunnelPlotData {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(axisLabel, "axisLabel");
        Objects.requireNonNull(egger, "egger");
        Objects.requireNonNull(peese, "peese");
        studies = List.copyOf(studies);
        if (studies.isEmpty()) {
            throw new IllegalArgumentException("a funnel plot needs at least one study");
        }
        if (!Double.isFinite(center)) {
            throw new IllegalArgumentException("funnel centre must be finite, was " + center);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("pseudo-confidence level must be in (0, 1), was " + level);
        }
    }

    /**
     * @param axisLabel effect-size axis label
     * @param labels study labels
     * @param yi effect sizes
     * @param vi sampling variances
     * @param center the pooled estimate
     * @return a funnel of the observed studies at the 95% level, without Egger line
     * @throws IllegalArgumentException when the lengths differ
     */
    public static FunnelPlotData of(String axisLabel, List<String> labels, double[] yi, double[] vi, double center) {
        if (labels.size() != yi.length || vi.length != yi.length) {
            throw new IllegalArgumentException("labels, yi and vi must have the same length: "
                + labels.size() + ", " + yi.length + ", " + vi.length);
        }
        List<FunnelStudy> studies = new ArrayList<>();
        for (int i = 0; i < yi.length; i++) {
            studies.add(new FunnelStudy(labels.get(i), yi[i], Math.sqrt(vi[i]), false));
        }
        return new FunnelPlotData("", axisLabel, studies, center, 0.95, Optional.empty(), Optional.empty());
    }

    /**
     * The funnel plot of a {@code bias} run: the observed studies around the pooled estimate,
     * on the analysis scale (Fisher's z for ZCOR/ZPCOR, where the funnel is symmetric), at the
     * fit's confidence level. Add trim-and-fill with {@link #withFilled} and Egger's line with
     * {@link #withEgger}.
     *
     * @param labels study labels
     * @param yi effect sizes
     * @param vi sampling variances
     * @param fit the model fitted to them (its estimate centres the funnel)
     * @param measure the effect-size measure (names the axis)
     * @return the plot data
     */
    public static FunnelPlotData forBias(List<String> labels, double[] yi, double[] vi,
                                         MetaAnalysisResult fit, CorrelationMeasure measure) {
        String what = measure.isPartial() ? "partial correlation" : "correlation";
        String axis = measure.isFisherZ() ? "Fisher's z of the " + what
            : measure.isPartial() ? "Partial correlation r" : "Correlation r";
        FunnelPlotData data = of(axis, labels, yi, vi, fit.estimate());
        return new FunnelPlotData("", axis, data.studies(), fit.estimate(), fit.level(), Optional.empty(),
            Optional.empty());
    }

    /**
     * Adds the studies trim-and-fill imputed and moves the centre to its adjusted estimate.
     *
     * @param yiFilled imputed effect sizes
     * @param viFilled their sampling variances
     * @param adjustedEstimate the trim-and-fill estimate
     * @return the extended data
     */
    public FunnelPlotData withFilled(double[] yiFilled, double[] viFilled, double adjustedEstimate) {
        if (yiFilled.length != viFilled.length) {
            throw new IllegalArgumentException("filled yi and vi must have the same length");
        }
        List<FunnelStudy> all = new ArrayList<>(studies);
        for (int i = 0; i < yiFilled.length; i++) {
            all.add(new FunnelStudy("filled " + (i + 1), yiFilled[i], Math.sqrt(viFilled[i]), true));
        }
        return new FunnelPlotData(title, axisLabel, all, adjustedEstimate, level, egger, peese);
    }

    /** @param line Egger's line @return a copy that draws it */
    public FunnelPlotData withEgger(EggerLine line) {
        return new FunnelPlotData(title, axisLabel, studies, center, level, Optional.of(line), peese);
    }

    /** @param curve PEESE's curve @return a copy that draws it */
    public FunnelPlotData withPeese(PeeseCurve curve) {
        return new FunnelPlotData(title, axisLabel, studies, center, level, egger, Optional.of(curve));
    }

    /** @return the number of imputed studies */
    public long imputedCount() {
        return studies.stream().filter(FunnelStudy::imputed).count();
    }
}
