package org.alliancelab.simulate.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancelab.meta.subgroup.Subgroup;
import org.alliancelab.meta.subgroup.SubgroupAnalysis;
import org.alliancelab.meta.subgroup.SubgroupResult;
import org.alliancelab.simulate.model.TruthValues;
import org.alliancelab.simulate.results.Analyses;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.results.MeasureNames;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Moderator;
import org.alliancelab.simulate.scenario.ModeratorLevel;

/**
 * A moderator of the synthesis: a subgroup analysis of the unadjusted z values of all studies
 * by the moderator's levels, with separate tau<sup>2</sup> per level and Q-between
 * ({@link SubgroupAnalysis}). Writes Q-between under the moderator's name and each level's
 * pooled correlation under {@code moderator=level}; a level is compared with the mixture truth
 * of its cells. When Q-between cannot be computed (a level without studies) the levels that can
 * be pooled are still reported.
 */
public final class ModeratorSubgroups implements Analysis {
    private static final String NO_STUDIES = "no studies at this level";
    private static final List<String> BETWEEN = List.of("q_between", "df", "p");

    private final Moderator moderator;

    private ModeratorSubgroups(Moderator moderator) {
        this.moderator = moderator;
    }

    /**
     * @param moderator a moderator of the scenario's design
     * @return the analysis, named after the moderator
     */
    public static ModeratorSubgroups of(Moderator moderator) {
        return new ModeratorSubgroups(moderator);
    }

    @Override
    public String name() {
        return moderator.name();
    }

    private String levelName(ModeratorLevel level) {
        return Analyses.level(moderator.name(), level.name());
    }

    @Override
    public List<ColumnGroup> columns() {
        List<ColumnGroup> groups = new ArrayList<>();
        groups.add(new ColumnGroup(name(), BETWEEN));
        for (ModeratorLevel level : moderator.levels()) {
            groups.add(PooledColumns.group(levelName(level)));
        }
        return groups;
    }

    @Override
    public List<MeasureSpec> measures(ConditionInfo condition) {
        List<MeasureSpec> specs = new ArrayList<>();
        specs.add(new MeasureSpec.Rejection(name(), MeasureNames.REJECTION_RATE, Analyses.column(name(), "p")));
        specs.add(new MeasureSpec.Mean(name(), MeasureNames.MEAN_Q_BETWEEN, Analyses.column(name(), "q_between")));
        Map<String, TruthValues> truths = condition.truthByModerator().getOrDefault(name(), Map.of());
        for (ModeratorLevel level : moderator.levels()) {
            TruthValues t = truths.get(level.name());
            specs.add(PooledColumns.measures(levelName(level),
                t == null ? Map.of() : PooledColumns.correlationTargets(t)));
        }
        return specs;
    }

    @Override
    public Computation newComputation(Condition condition, RecordLayout layout) {
        return new Subgroups(condition, layout);
    }

    /** The per-thread computation: scratch arrays of exact length, as SubgroupAnalysis takes them. */
    private final class Subgroups implements Computation {
        private final SubgroupAnalysis subgroups;
        private final ColumnWriter between;
        private final ColumnWriter[] levels;
        /** Per moderator cell, the cell's level name. */
        private final String[] cellLevels;
        private double[] y = new double[0];
        private double[] v = new double[0];
        private String[] studyLevels = new String[0];
        private double[] levelY = new double[0];
        private double[] levelV = new double[0];

        Subgroups(Condition condition, RecordLayout layout) {
            List<ColumnGroup> groups = columns();
            between = layout.writer(groups.get(0));
            levels = new ColumnWriter[groups.size() - 1];
            for (int l = 0; l < levels.length; l++) {
                levels[l] = layout.writer(groups.get(l + 1));
            }
            cellLevels = new String[condition.cells().size()];
            for (int c = 0; c < cellLevels.length; c++) {
                cellLevels[c] = condition.cells().get(c).levels().get(moderator.name());
            }
            subgroups = SubgroupAnalysis.of(ReplicationData.poolingModel(condition.analyses()));
        }

        @Override
        public void compute(ReplicationData data, double[] record, List<Failure> failures) {
            int k = data.k(Sample.UNADJUSTED_ALL);
            if (y.length != k) {
                y = new double[k];
                v = new double[k];
                studyLevels = new String[k];
                levelY = new double[k];
                levelV = new double[k];
            }
            System.arraycopy(data.yi(Sample.UNADJUSTED_ALL), 0, y, 0, k);
            System.arraycopy(data.vi(Sample.UNADJUSTED_ALL), 0, v, 0, k);
            for (int i = 0; i < k; i++) {
                studyLevels[i] = cellLevels[data.studies().studyCell(i)];
            }
            SubgroupResult result;
            try {
                result = subgroups.fit(y, v, studyLevels);
            } catch (RuntimeException e) {
                failures.add(Failure.of(name(), e));
                poolLevelsSeparately(data, record, failures);
                return;
            }
            between.write(record, result.qBetween(), result.df(), result.pValue());
            for (int l = 0; l < levels.length; l++) {
                String level = moderator.levels().get(l).name();
                Subgroup g = null;
                for (Subgroup x : result.groups()) {
                    if (x.level().equals(level)) {
                        g = x;
                    }
                }
                if (g == null) {
                    failures.add(new Failure(levelName(moderator.levels().get(l)), NO_STUDIES));
                } else {
                    PooledColumns.write(levels[l], record, g.result());
                }
            }
        }

        private void poolLevelsSeparately(ReplicationData data, double[] record, List<Failure> failures) {
            for (int l = 0; l < levels.length; l++) {
                ModeratorLevel level = moderator.levels().get(l);
                int n = 0;
                for (int i = 0; i < studyLevels.length; i++) {
                    if (level.name().equals(studyLevels[i])) {
                        levelY[n] = y[i];
                        levelV[n] = v[i];
                        n++;
                    }
                }
                String analysis = levelName(level);
                if (n == 0) {
                    failures.add(new Failure(analysis, NO_STUDIES));
                    continue;
                }
                try {
                    data.model().fit(levelY, levelV, n, data.scratchWorkspace());
                    PooledColumns.write(levels[l], record, data.scratchWorkspace());
                } catch (RuntimeException e) {
                    failures.add(Failure.of(analysis, e));
                }
            }
        }
    }
}
