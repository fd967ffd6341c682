package org.alliancelab.report;

import java.util.List;

/**
 * The figures of the synthesis the headline scenarios are calibrated to, and the analysis of a
 * {@code simulate} run that reproduces each: Flückiger C, Del Re AC, Wampold BE, Horvath AO
 * (2018). The alliance in adult psychotherapy: a meta-analytic synthesis. Psychotherapy
 * 55(4):316-340. https://doi.org/10.1037/pst0000172
 */
final class SynthesisFigures {

    /**
     * @param label the figure in words
     * @param reported the reported pooled correlation
     * @param analysis the analysis whose mean pooled r reproduces it
     */
    record Figure(String label, double reported, String analysis) {
    }

    static final String CITATION = "Fl\u00fcckiger et al. (2018)";

    static final List<Figure> FIGURES = List.of(
        new Figure("Pooled r, all studies (k = 295)", 0.28, "unadjusted_all"),
        new Figure("Unadjusted r, studies reporting adjusted (k = 66)", 0.25, "unadjusted_reporting"),
        new Figure("Adjusted r, same studies", 0.22, "adjusted"),
        new Figure("Late alliance (near end of therapy)", 0.30, "timing=late"),
        new Figure("Early alliance (sessions 1-5)", 0.22, "timing=early"),
        new Figure("Substance-use samples (k = 29)", 0.14, "disorder=substance_use"));

    private SynthesisFigures() {
    }
}
