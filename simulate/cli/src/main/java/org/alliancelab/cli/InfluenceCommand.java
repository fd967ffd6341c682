package org.alliancelab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.alliancelab.cli.io.InputException;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.sensitivity.InfluenceDiagnostics;
import org.alliancelab.meta.sensitivity.LeaveOneOut;
import org.alliancelab.meta.sensitivity.StudyInfluence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-lab influence}: leave-one-out analysis and case-deletion influence
 * diagnostics of the studies of a CSV file, as metafor's {@code leave1out(res)} and
 * {@code influence(res)} for {@code res <- rma(yi, vi, method = ..., test = ...)}.
 */
@Command(name = "influence",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {"Leave-one-out analysis and influence diagnostics (studentized residuals, DFFITS, "
        + "Cook's distance, covariance ratio, hat values, DFBETAS).",
        "",
        "Input as for pool; at least 3 studies."})
public final class InfluenceCommand implements Callable<Integer> {

    /** Fewest studies for the diagnostics (each deletion leaves a meta-analysis of two). */
    static final int MIN_STUDIES = 3;

    /** Most studies accepted: the k refits take about 20 s at 20,000 studies with REML. */
    static final int MAX_STUDIES = 20_000;

    /** From this many studies the refits show a progress bar on a terminal. */
    static final int PROGRESS_FROM = 2_000;

    @Spec
    private CommandSpec spec;

    @Mixin
    private AnalysisOptions analysis;

    @Mixin
    private FormatOptions format;

    @Mixin
    private OutputFileOption output;

    @Override
    public Integer call() {
        analysis.validate(spec);
        format.validate(spec);
        output.checkNotInput(analysis.input());
        StudyData data = analysis.read(MIN_STUDIES, "the influence diagnostics");
        if (data.k() > MAX_STUDIES) {
            // k refits of k - 1 studies: quadratic in k for the iterative estimators
            throw InputException.inFile(data.table().source(), "the influence diagnostics refit the model once per "
                + "study, so their time grows with the square of the number of studies: at most "
                + String.format(java.util.Locale.ROOT, "%,d", MAX_STUDIES) + " are accepted, the file has "
                + String.format(java.util.Locale.ROOT, "%,d", data.k()));
        }
        double[] yi = data.yi();
        double[] vi = data.vi();
        RandomEffectsModel model = analysis.model();
        MetaAnalysisResult full = model.fit(yi, vi);
        // the k refits take seconds from a few thousand studies on: show them on a terminal
        ProgressBar bar = yi.length >= PROGRESS_FROM && System.console() != null
            ? new ProgressBar(spec.commandLine().getErr(), "leave-one-out refits") : null;
        List<MetaAnalysisResult> leaveOneOut = LeaveOneOut.fit(model, yi, vi,
            bar == null ? done -> { } : done -> bar.progress(done, yi.length));
        if (bar != null) {
            bar.finish();
        }
        List<StudyInfluence> influence = InfluenceDiagnostics.fit(model, yi, vi, leaveOneOut);
        output.emit(spec, format.render(InfluenceReport.of(data, full, leaveOneOut, influence)));
        return AllianceLab.EXIT_OK;
    }
}
