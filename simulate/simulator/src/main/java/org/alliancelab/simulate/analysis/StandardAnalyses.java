package org.alliancelab.simulate.analysis;

import java.util.ArrayList;
import java.util.List;
import org.alliancelab.simulate.scenario.BiasMethod;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.DifferenceTest;
import org.alliancelab.simulate.scenario.Moderator;

/**
 * The analyses the synthesis ran, as the simulator runs them on every replication, in order:
 * the study counts; the unadjusted pooled correlation of all studies; when studies report an
 * adjusted estimate, the unadjusted and adjusted pooled correlations of those studies and the
 * difference tests the scenario asks for; a subgroup analysis per moderator; the
 * publication-bias methods the scenario lists, on all published studies; with
 * {@code analyses.sensitivity}, the robustness of the adjusted pooled correlation to unmeasured
 * confounding ({@link SensitivityAnalysis}). A session-by-session design
 * ({@code design.sessions}) adds the naive and the within-person lagged effects
 * ({@link LaggedEffect}); its {@code unadjusted} analysis pools the between-person correlations.
 */
public final class StandardAnalyses {
    private StandardAnalyses() {
    }

    /**
     * @param first the scenario's first condition (every condition shares the design's
     *     structure: moderators, adjusted reporting, difference tests)
     * @return the analyses
     */
    public static List<Analysis> of(Condition first) {
        List<Analysis> list = new ArrayList<>();
        list.add(StudyCounts.of());
        list.add(PooledCorrelation.of(Sample.UNADJUSTED_ALL));
        if (first.design().adjustedReporting().isPresent()) {
            list.add(PooledCorrelation.of(Sample.UNADJUSTED_REPORTING));
            list.add(PooledCorrelation.of(Sample.ADJUSTED_REPORTING));
            List<DifferenceTest> tests = first.analyses().differenceTests();
            if (tests.contains(DifferenceTest.SUBGROUP)) {
                list.add(SubgroupDifference.of());
            }
            if (tests.contains(DifferenceTest.PAIRED)) {
                list.add(PairedDifference.of());
            }
        }
        for (Moderator m : first.design().moderators()) {
            list.add(ModeratorSubgroups.of(m));
        }
        for (BiasMethod m : first.analyses().biasMethods()) {
            list.add(switch (m) {
                case EGGER -> EggerAnalysis.of();
                case TRIM_AND_FILL -> TrimAndFillAnalysis.of();
                case SELECTION_3PSM -> SelectionModelAnalysis.of();
                case PET_PEESE -> PetPeeseAnalysis.of();
            });
        }
        if (first.analyses().sensitivity()) {
            list.add(SensitivityAnalysis.of());
        }
        return List.copyOf(list);
    }

    /**
     * The analyses of {@link #of(Condition)} for the first condition, then, for a
     * session-by-session design, the naive and the within-person lagged effects, and, when the
     * model has a randomized node, the encouragement trials' {@link InstrumentalVariableAnalysis}
     * (after the others, so that every other column keeps its place).
     *
     * @param conditions the scenario's conditions (all share the design's structure; the lagged
     *     effects' and the IV analysis's truths are per condition)
     * @return the analyses
     */
    public static List<Analysis> of(List<Condition> conditions) {
        Condition first = conditions.get(0);
        List<Analysis> list = new ArrayList<>(of(first));
        if (first.design().sessions().isPresent()) {
            list.add(LaggedEffect.of(LaggedEffect.Estimator.NAIVE, conditions));
            list.add(LaggedEffect.of(LaggedEffect.Estimator.WITHIN, conditions));
        }
        if (first.model().instrument() >= 0) {
            list.add(InstrumentalVariableAnalysis.of(conditions));
        }
        return List.copyOf(list);
    }
}
