package org.alliancelab.cli;

import java.util.List;
import java.util.concurrent.Callable;
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
        double[] yi = data.yi();
        double[] vi = data.vi();
        RandomEffectsModel model = analysis.model();
        MetaAnalysisResult full = model.fit(yi, vi);
        List<MetaAnalysisResult> leaveOneOut = LeaveOneOut.fit(model, yi, vi);
        List<StudyInfluence> influence = InfluenceDiagnostics.fit(model, yi, vi);
        output.emit(spec, format.render(InfluenceReport.of(data, full, leaveOneOut, influence)));
        return AllianceLab.EXIT_OK;
    }
}
