package org.alliancelab.simulate.montecarlo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliancelab.simulate.analysis.Analysis;
import org.alliancelab.simulate.analysis.ColumnGroup;
import org.alliancelab.simulate.analysis.MeasureSpec;
import org.alliancelab.simulate.analysis.RecordLayout;
import org.alliancelab.simulate.analysis.StandardAnalyses;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.model.TruthValues;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Moderator;
import org.alliancelab.simulate.scenario.ModeratorCell;
import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;

/**
 * The Monte Carlo design of a {@link Scenario}: per replication a list of {@link Analysis}
 * (by default {@link StandardAnalyses}, plus any of the caller's), per condition the measures
 * each analysis declares. The replication record lists the columns of the study description
 * first, then those of the meta-analyses in list order; the summary lists the meta-analyses'
 * measures first and the study description's last (see {@link Analysis.Role}).
 */
public final class ScenarioDesign implements MonteCarloDesign {
    private final Scenario scenario;
    private final Engine engine;
    /** The analyses in record (and computation) order. */
    private final List<Analysis> analyses;
    /** The same analyses in summary order. */
    private final List<Analysis> reportOrder;
    private final RecordLayout layout;
    private final List<ConditionInfo> infos;

    private ScenarioDesign(Scenario scenario, Engine engine, List<Analysis> all) {
        this.scenario = scenario;
        this.engine = engine;
        List<Analysis> record = new ArrayList<>();
        List<Analysis> report = new ArrayList<>();
        for (Analysis a : all) {
            if (a.role() == Analysis.Role.STUDY_DESCRIPTION) {
                record.add(a);
            } else {
                report.add(a);
            }
        }
        for (Analysis a : all) {
            if (a.role() == Analysis.Role.STUDY_DESCRIPTION) {
                report.add(a);
            } else {
                record.add(a);
            }
        }
        this.analyses = List.copyOf(record);
        this.reportOrder = List.copyOf(report);
        List<ColumnGroup> groups = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Analysis a : analyses) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("two analyses are named " + a.name());
            }
            groups.addAll(a.columns());
        }
        this.layout = RecordLayout.ofGroups(groups);
        List<ConditionInfo> list = new ArrayList<>();
        for (Condition c : scenario.conditions()) {
            list.add(new ConditionInfo(c.index(), c.factors(), c.truth(), c.truthAmongReporters(),
                c.analyses().alpha(), levelTruths(c), c.truthAtMeanPaths()));
        }
        this.infos = List.copyOf(list);
    }

    /**
     * @param scenario the scenario (with any seed or replications override applied)
     * @param engine the engine
     * @return the design with the synthesis's analyses
     * @throws ScenarioException when the engine cannot represent a condition
     */
    public static ScenarioDesign of(Scenario scenario, Engine engine) {
        return of(scenario, engine, List.of());
    }

    /**
     * @param scenario the scenario (with any seed or replications override applied)
     * @param engine the engine
     * @param extra analyses run after the synthesis's, in this order
     * @return the design
     * @throws ScenarioException when the engine cannot represent a condition
     * @throws IllegalArgumentException when two analyses share a name or a column
     */
    public static ScenarioDesign of(Scenario scenario, Engine engine, List<? extends Analysis> extra) {
        Optional<Engine.Unsupported> u = engine.unsupported(scenario);
        if (u.isPresent()) {
            Condition first = scenario.conditions().get(0);
            throw new ScenarioException(first.source(), u.get().pointer(), u.get().reason());
        }
        List<Analysis> all = new ArrayList<>(StandardAnalyses.of(scenario.conditions()));
        all.addAll(extra);
        return new ScenarioDesign(scenario, engine, all);
    }

    /**
     * @param scenario the scenario
     * @return the engine to use when none is requested ({@link Engine#defaultFor})
     */
    public static Engine defaultEngine(Scenario scenario) {
        return Engine.defaultFor(scenario);
    }

    /**
     * Rebuilds the design of a stored run (for {@code collect}).
     *
     * @param run what a shard directory stores
     * @return the design
     * @throws ScenarioException when the stored scenario is invalid
     */
    public static ScenarioDesign fromStored(StoredRun run) {
        Scenario s = Scenario.parse(run.scenarioJson(), run.dir().resolve("scenario.json").toString(), run.scenario());
        return of(s.withSeed(run.seed()).withReplications(run.replications()),
            Engine.ofKey(run.engine()));
    }

    /** @return the scenario */
    public Scenario scenario() {
        return scenario;
    }

    /** @return the analyses of every replication, in record order */
    public List<Analysis> analyses() {
        return analyses;
    }

    /**
     * Truth of every moderator level: the cells with that level averaged with the cell
     * probabilities as weights, correlations on the Fisher-z scale, effects linearly (the rule
     * of {@link Condition#truth()}).
     */
    private static Map<String, Map<String, TruthValues>> levelTruths(Condition c) {
        Map<String, Map<String, TruthValues>> out = new LinkedHashMap<>();
        List<Moderator> mods = c.design().moderators();
        List<ModeratorCell> cells = c.cells();
        List<TruthValues> truths = cells.stream().map(ModeratorCell::truth).toList();
        for (int m = 0; m < mods.size(); m++) {
            Map<String, TruthValues> levels = new LinkedHashMap<>();
            for (int l = 0; l < mods.get(m).levels().size(); l++) {
                final int mm = m;
                final int ll = l;
                if (cells.stream().anyMatch(cell -> cell.levelIndices().get(mm) == ll && cell.probability() > 0)) {
                    levels.put(mods.get(m).levels().get(l).name(), TruthValues.mixture(truths,
                        i -> cells.get(i).levelIndices().get(mm) == ll ? cells.get(i).probability() : 0));
                }
            }
            out.put(mods.get(m).name(), levels);
        }
        return out;
    }

    @Override
    public String name() {
        return scenario.name();
    }

    @Override
    public long seed() {
        return scenario.seed();
    }

    @Override
    public int replications() {
        return scenario.replications();
    }

    @Override
    public String engine() {
        return engine.key();
    }

    @Override
    public String scenarioJson() {
        return scenario.toJson();
    }

    @Override
    public List<ConditionInfo> conditions() {
        return infos;
    }

    @Override
    public RecordLayout layout() {
        return layout;
    }

    @Override
    public List<MeasureSpec> measures(int condition) {
        ConditionInfo info = infos.get(condition);
        List<MeasureSpec> specs = new ArrayList<>();
        for (Analysis a : reportOrder) {
            specs.addAll(a.measures(info));
        }
        return specs;
    }

    @Override
    public ReplicationWorker newWorker(int condition) {
        return Replication.of(scenario.conditions().get(condition), engine, analyses, layout);
    }
}
