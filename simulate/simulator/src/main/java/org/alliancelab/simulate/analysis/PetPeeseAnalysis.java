package org.alliancelab.simulate.analysis;

import java.util.List;
import java.util.Map;
import org.alliancelab.meta.bias.PetPeese;
import org.alliancelab.meta.bias.PetPeeseResult;
import org.alliancelab.meta.regression.Coefficient;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Condition;

/**
 * PET-PEESE on every replication ({@code rma(yi, vi, mods = ~ sqrt(vi))} and {@code ~ vi}
 * with the scenario's estimator and test; PEESE's intercept when PET's rejects zero at the
 * scenario's alpha, else PET's): the conditional estimate, back-transformed with tanh, against
 * the correlations of all studies before selection, and how often PEESE was chosen.
 */
public final class PetPeeseAnalysis extends BiasMethodAnalysis {
    private static final String NAME = Analyses.PET_PEESE;

    private PetPeeseAnalysis() {
        super(NAME, List.of("k", "r", "se", "ci_lower", "ci_upper", "p", "peese", "pet_p"));
    }

    /** @return the analysis {@code petpeese} */
    public static PetPeeseAnalysis of() {
        return new PetPeeseAnalysis();
    }

    @Override
    public List<MeasureSpec> measures(ConditionInfo condition) {
        return List.of(BiasColumns.estimator(NAME, condition, "p", Map.of(MeasureNames.SHARE_PEESE, "peese")));
    }

    @Override
    public Computation newComputation(Condition condition, RecordLayout layout) {
        ColumnWriter out = layout.writer(group());
        PetPeese method = PetPeese.of(BiasColumns.metaRegression(condition.analyses()))
            .withAlpha(condition.analyses().alpha());
        return (data, record, failures) -> {
            try {
                PetPeeseResult r = method.fit(BiasColumns.yi(data), BiasColumns.vi(data));
                Coefficient c = r.estimate();
                out.write(record, data.k(Sample.UNADJUSTED_ALL), Math.tanh(c.estimate()), c.se(),
                    Math.tanh(c.ciLower()), Math.tanh(c.ciUpper()), c.pValue(),
                    r.chosen() == PetPeeseResult.Choice.PEESE ? 1 : 0, r.petIntercept().pValue());
            } catch (RuntimeException e) {
                failures.add(Failure.of(NAME, e));
            }
        };
    }
}
