package org.alliancelab.plot;

import java.util.List;
import java.util.Objects;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.pooling.MetaAnalysisResult;

/**
 * Everything a forest plot shows.
 *
 * @param title figure title, or "" for none
 * @param scale the display scale (back-transformation of Fisher's z to r, or none)
 * @param axisLabel label of the effect-size axis, e.g. "Correlation r"
 * @param level confidence level of all intervals, e.g. 0.95 (used in the column header)
 * @param panels one panel, or one per subgroup
 * @param note a line printed below the axis (e.g. the test of subgroup differences), or ""
 */
public record ForestPlotData(String title, EffectScale scale, String axisLabel, double level,
                             List<ForestPanel> panels, String note) {

    /** @throws IllegalArgumentException when there is no panel or the level is outside (0, 1) */
    public ForestPlotData {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(axisLabel, "axisLabel");
        Objects.requireNonNull(note, "note");
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a forest plot needs at least one panel");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
    }

    /**
     * @param scale display scale
     * @param level confidence level
     * @param panels the panels
     * @return plot data without a title, with the scale's default axis label
     */
    public static ForestPlotData of(EffectScale scale, double level, List<ForestPanel> panels) {
        return new ForestPlotData("", scale, scale.defaultAxisLabel(), level, panels, "");
    }

    /**
     * The forest plot of a {@code pool} run, on the correlation scale whatever the measure:
     * Fisher-z measures (ZCOR, ZPCOR) are back-transformed with r = tanh(z).
     *
     * @param labels study labels
     * @param yi effect sizes as pooled
     * @param vi their sampling variances
     * @param fit the model fitted to them
     * @param measure the effect-size measure of {@code yi}
     * @return one panel with all studies
     */
    public static ForestPlotData forPool(List<String> labels, double[] yi, double[] vi, MetaAnalysisResult fit,
                                         CorrelationMeasure measure) {
        return forSubgroups(List.of(ForestPanel.of("", labels, yi, vi, fit)), measure, fit.level());
    }

    /**
     * The forest plot of a subgroup analysis ({@code pool --by}): one panel per level, built
     * with {@link ForestPanel#of}, on the correlation scale as in {@link #forPool}.
     *
     * @param panels one panel per subgroup, titled with the level
     * @param measure the effect-size measure
     * @param level the confidence level of the fits
     * @return the plot data
     */
    public static ForestPlotData forSubgroups(List<ForestPanel> panels, CorrelationMeasure measure, double level) {
        EffectScale scale = measure.isFisherZ() ? EffectScale.FISHER_Z_TO_CORRELATION : EffectScale.AS_ANALYSED;
        String what = measure.isPartial() ? "Partial correlation r" : "Correlation r";
        String label = measure.isFisherZ() ? what + " (back-transformed from Fisher's z)" : what;
        return new ForestPlotData("", scale, label, level, panels, "");
    }

    /** @param newTitle the figure title @return a copy with that title */
    public ForestPlotData withTitle(String newTitle) {
        return new ForestPlotData(newTitle, scale, axisLabel, level, panels, note);
    }

    /** @param newNote the line below the axis @return a copy with that note */
    public ForestPlotData withNote(String newNote) {
        return new ForestPlotData(title, scale, axisLabel, level, panels, newNote);
    }
}
