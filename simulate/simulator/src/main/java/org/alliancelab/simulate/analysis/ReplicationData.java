package org.alliancelab.simulate.analysis;

import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.meta.pooling.PoolingWorkspace;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.simulate.engine.StudySimulator;
import org.alliancelab.simulate.scenario.AnalysisSettings;

/**
 * The studies of one replication as the meta-analyst sees them: the effect sizes of each
 * {@link Sample}, the study-level values of the simulator, and each sample pooled at most once
 * with the condition's model ({@link #pooled(Sample)}), so that analyses that share a pooled
 * estimate (a pooled correlation and a difference test) do not fit it twice.
 *
 * <p>Arrays returned by the accessors are the scratch arrays themselves: read the first
 * {@link #k(Sample)} entries, do not write. Not thread-safe; one per worker thread.
 */
public final class ReplicationData {
    private final StudySimulator studies;
    private final RandomEffectsModel model;
    private final double level;
    private final PoolingWorkspace[] workspaces = new PoolingWorkspace[Sample.values().length];
    private final RuntimeException[] failures = new RuntimeException[Sample.values().length];
    private final boolean[] fitted = new boolean[Sample.values().length];
    private final PoolingWorkspace scratch = new PoolingWorkspace();

    private int k;
    private int kReporting;
    private double[] yi = new double[64];
    private double[] vi = new double[64];
    private double[] yu = new double[64];
    private double[] vu = new double[64];
    private double[] ya = new double[64];
    private double[] va = new double[64];
    private double[] rho = new double[64];

    private ReplicationData(StudySimulator studies, AnalysisSettings settings) {
        this.studies = studies;
        this.level = 1 - settings.alpha();
        this.model = poolingModel(settings);
        for (int i = 0; i < workspaces.length; i++) {
            workspaces[i] = new PoolingWorkspace();
        }
    }

    /**
     * @param studies the simulator whose studies are read
     * @param settings the condition's estimator, test and alpha
     * @return the data holder of one worker thread
     */
    public static ReplicationData of(StudySimulator studies, AnalysisSettings settings) {
        return new ReplicationData(studies, settings);
    }

    /**
     * @param settings a condition's estimator, test and alpha
     * @return the random-effects model of its meta-analyses, intervals at 1 - alpha
     */
    public static RandomEffectsModel poolingModel(AnalysisSettings settings) {
        return RandomEffectsModel.of(settings.estimator()).withTest(settings.test())
            .withConfidenceLevel(1 - settings.alpha());
    }

    /**
     * Reads the studies just simulated: the effect sizes of every sample; forgets the fits of
     * the previous replication.
     *
     * @param published number of published studies the simulator drew
     */
    public void load(int published) {
        ensureCapacity(published);
        StudySimulator sim = studies;
        int covariates = sim.covariates();
        int ka = 0;
        for (int i = 0; i < published; i++) {
            int n = sim.studyN(i);
            double partialR = sim.studyPartialR(i);
            yi[i] = Correlations.toFisherZ(sim.studyR(i));
            vi[i] = 1.0 / CorrelationMeasure.ZCOR.varianceDenominator(n, 0);
            if (!Double.isNaN(partialR)) {
                yu[ka] = yi[i];
                vu[ka] = vi[i];
                ya[ka] = Correlations.toFisherZ(partialR);
                va[ka] = 1.0 / CorrelationMeasure.ZPCOR.varianceDenominator(n, covariates);
                rho[ka] = sim.studyPairedCorrelation(i);
                ka++;
            }
        }
        k = published;
        kReporting = ka;
        java.util.Arrays.fill(fitted, false);
    }

    private void ensureCapacity(int n) {
        if (yi.length < n) {
            int size = Math.max(n, 2 * yi.length);
            yi = new double[size];
            vi = new double[size];
            yu = new double[size];
            vu = new double[size];
            ya = new double[size];
            va = new double[size];
            rho = new double[size];
        }
    }

    /** @return the simulator, for study-level values (n, r, moderator cell, draws, suppressed) */
    public StudySimulator studies() {
        return studies;
    }

    /** @return the condition's pooling model */
    public RandomEffectsModel model() {
        return model;
    }

    /** @return the confidence level of intervals, 1 - alpha */
    public double confidenceLevel() {
        return level;
    }

    /**
     * @param sample a sample
     * @return its number of studies
     */
    public int k(Sample sample) {
        return sample == Sample.UNADJUSTED_ALL ? k : kReporting;
    }

    /**
     * @param sample a sample
     * @return its Fisher z values (first {@link #k(Sample)} entries)
     */
    public double[] yi(Sample sample) {
        switch (sample) {
            case UNADJUSTED_ALL:
                return yi;
            case UNADJUSTED_REPORTING:
                return yu;
            default:
                return ya;
        }
    }

    /**
     * @param sample a sample
     * @return their sampling variances (first {@link #k(Sample)} entries)
     */
    public double[] vi(Sample sample) {
        switch (sample) {
            case UNADJUSTED_ALL:
                return vi;
            case UNADJUSTED_REPORTING:
                return vu;
            default:
                return va;
        }
    }

    /**
     * @return per reporting study, the sampling correlation of its adjusted and unadjusted z
     *     (first {@code k(UNADJUSTED_REPORTING)} entries)
     */
    public double[] pairedCorrelations() {
        return rho;
    }

    /**
     * @return a workspace for an analysis's own fits (not one of the samples'), overwritten by
     *     the next analysis that uses it
     */
    public PoolingWorkspace scratchWorkspace() {
        return scratch;
    }

    /**
     * Pools a sample with the condition's model, once per replication.
     *
     * @param sample a sample
     * @return the fit, valid until the next {@link #load}
     * @throws RuntimeException the failure of the fit (no studies, non-convergence, ...), the
     *     same one every time it is asked in this replication
     */
    public PoolingWorkspace pooled(Sample sample) {
        int s = sample.ordinal();
        if (!fitted[s]) {
            fitted[s] = true;
            failures[s] = null;
            try {
                model.fit(yi(sample), vi(sample), k(sample), workspaces[s]);
            } catch (RuntimeException e) {
                failures[s] = e;
            }
        }
        if (failures[s] != null) {
            throw failures[s];
        }
        return workspaces[s];
    }
}
