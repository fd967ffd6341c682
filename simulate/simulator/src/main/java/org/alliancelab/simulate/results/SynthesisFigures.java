package org.alliancelab.simulate.results;

import java.util.List;

/**
 * The figures of the synthesis the headline scenarios are calibrated to, and the analysis of a
 * {@code simulate} run that reproduces each, in one place for the terminal tables, the report
 * and the calibration: Flückiger C, Del Re AC, Wampold BE, Horvath AO (2018). The alliance in
 * adult psychotherapy: a meta-analytic synthesis. Psychotherapy 55(4):316-340.
 * https://doi.org/10.1037/pst0000172
 */
public final class SynthesisFigures {

    /**
     * A pooled correlation the synthesis reported.
     *
     * @param label the figure in words
     * @param reported the reported pooled correlation
     * @param k the number of studies it pooled, 0 when the synthesis gives none here
     * @param analysis the analysis whose mean pooled r reproduces it
     */
    public record Figure(String label, double reported, int k, String analysis) {
    }

    /** Short citation. */
    public static final String CITATION = "Fl\u00fcckiger et al. (2018)";
    /** Full reference with DOI. */
    public static final String REFERENCE =
        "Fl\u00fcckiger, Del Re, Wampold & Horvath (2018), Psychotherapy 55:316, doi:10.1037/pst0000172";

    /** Studies (samples) pooled in the synthesis's main analysis. */
    public static final int STUDIES = 295;
    /** Of those, studies with a negative correlation. */
    public static final int NEGATIVE_STUDIES = 5;

    /** Pooled r of all studies. */
    public static final Figure POOLED = new Figure("Pooled r, all studies (k = 295)", 0.28, STUDIES,
        Analyses.UNADJUSTED_ALL);
    /** Unadjusted r of the studies that also reported an adjusted estimate. */
    public static final Figure UNADJUSTED_REPORTING = new Figure("Unadjusted r, studies reporting adjusted (k = 66)",
        0.25, 66, Analyses.UNADJUSTED_REPORTING);
    /** Adjusted r of the same studies. */
    public static final Figure ADJUSTED = new Figure("Adjusted r, same studies", 0.22, 66, Analyses.ADJUSTED);
    /** Alliance measured late in therapy. */
    public static final Figure LATE = new Figure("Late alliance (near end of therapy)", 0.30, 0,
        Analyses.level("timing", "late"));
    /** Alliance measured early (sessions 1-5). */
    public static final Figure EARLY = new Figure("Early alliance (sessions 1-5)", 0.22, 0,
        Analyses.level("timing", "early"));
    /** Substance-use samples. */
    public static final Figure SUBSTANCE_USE = new Figure("Substance-use samples (k = 29)", 0.14, 29,
        Analyses.level("disorder", "substance_use"));

    /** The pooled correlations, in the synthesis's order. */
    public static final List<Figure> FIGURES = List.of(POOLED, UNADJUSTED_REPORTING, ADJUSTED, LATE, EARLY,
        SUBSTANCE_USE);

    /** The moderators of the calibrated scenarios whose Q-between the synthesis tested. */
    public static final List<String> MODERATORS = List.of("timing", "disorder");

    private SynthesisFigures() {
    }
}
