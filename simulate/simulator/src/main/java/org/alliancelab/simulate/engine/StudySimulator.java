package org.alliancelab.simulate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.simulate.internal.SmallMatrices;
import org.alliancelab.simulate.model.SamplingCorrelation;
import org.alliancelab.simulate.model.SimulatedStudy;
import org.alliancelab.simulate.model.StructuralModel;
import org.alliancelab.simulate.scenario.AdjustedReporting;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Dropout;
import org.alliancelab.simulate.scenario.ModeratorCell;
import org.alliancelab.simulate.scenario.PairedCorrelationRule;
import org.alliancelab.simulate.scenario.PublicationSelection;
import org.alliancelab.simulate.scenario.SampleSizeDistribution;
import org.alliancelab.simulate.scenario.ScenarioException;
import org.alliancelab.meta.panel.PanelStatistics;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Simulates the published studies of one replication of a condition.
 *
 * <p>Per study attempt, in this order (so a given rng gives a fixed result): each moderator's
 * level; the sample size; the study's path coefficients (when some vary between studies); the
 * data (patients or a Wishart matrix); publication; whether an adjusted estimate is reported.
 * Attempts continue until {@code design.studies()} studies are published, or until
 * {@value #MAX_ATTEMPTS_PER_STUDY} times that many attempts were made (then fewer are
 * returned).
 *
 * <p><b>Between-study coefficients.</b> A study draws each varying path coefficient as
 * {@code beta + sd * Z}. If a draw makes a residual variance non-positive (below
 * {@link StructuralModel#MIN_RESIDUAL_VARIANCE}), the whole draw is rejected, counted in
 * {@link SimulatedReplication#invalidDraws()}, and redrawn, up to
 * {@link StructuralModel#MAX_COEFFICIENT_DRAWS} times; after that the study uses the mean coefficients
 * (valid by construction). Rejection truncates the coefficient distribution; the count shows
 * how often.
 *
 * <p><b>Engines.</b> {@link Engine#PATIENT} draws each patient: without dropout, the observed
 * analysis variables as {@code L u} with {@code L} the Cholesky factor of their observed
 * covariance and {@code u} standard normal; with dropout, the latent nodes by the structural
 * equations, dropout by the latent-variable form of the link (probit: drop when a standard
 * normal is below the linear predictor; logit: the same with a logistic variate), then the
 * measurement errors. {@link Engine#SUFFICIENT} draws the co-moment matrix of the analysis
 * variables directly: {@code W = (L A)(L A)'} ~ Wishart(Sigma_obs, n - 1) with Bartlett's
 * {@code A} (lower triangular, {@code A_ii^2} ~ chi-squared(n - 1 - i), i = 0..q-1, standard
 * normal below the diagonal; Bartlett 1933, Proc R Soc Edinb 53:260,
 * doi:10.1017/S0370164600015455); it cannot represent dropout.
 *
 * <p>r is {@code C_xy / sqrt(C_xx C_yy)} and the partial r the Schur-complement partial
 * correlation of the co-moment matrix {@code C}. A study whose analysed sample is smaller
 * than p + 4 (p covariates), or whose correlation is undefined (e.g. nobody dropped out when
 * retention is the outcome), is not published and counts as suppressed.
 *
 * <p>Not thread-safe: it keeps scratch arrays. Use one instance per thread; it may be reused
 * for any number of replications. It uses no randomness besides the rng passed to
 * {@link #simulate}.
 */
public final class StudySimulator {
    /** Bound on study attempts, as a multiple of the number of studies to publish. */
    public static final int MAX_ATTEMPTS_PER_STUDY = 1000;

    private final int studies;
    private final int q;
    private final int covariates;
    /** Whether the model has a randomized node, the last analysis variable. */
    private final boolean instrument;
    private final int minimumAnalysed;
    private final SampleSizeDistribution sampleSize;
    private final PublicationSelection publication;
    private final double criticalZ;
    private final AdjustedReporting reporting;
    private final Dropout dropout;
    private final double[][] levelCumulative;
    private final int[] strides;
    private final CellPlan[] plans;

    // Scratch (hence not thread-safe).
    private final double[][] cov;
    private final double[][] chol;
    private final double[][] comoment;
    private final double[][] smallL;
    private final double[] wa;
    private final double[] wb;
    private final CoMoments moments;
    /** The engine's way of drawing a study's co-moments. */
    private final StudyDraw draw;
    private final double[] coefficients;
    private final double[] psi;
    private final double[] residualSd;
    /** Latent covariance of the study's drawn coefficients, flat k x k. */
    private final double[] sigma;
    private final int[] outN;
    private final double[] outR;
    private final double[] outPartial;
    private final int[] outCell;
    private final boolean[] outReports;
    private final double[] outPaired;
    /** Per study, its sampled co-moment matrix (q x q, flat) when the working correlation is its own. */
    private final double[] outMoments;
    private final int panelRows;
    /** Per published study, the panel engine's statistics ({@link PanelDraw#STATISTICS} each), or null. */
    private final double[] outPanel;
    private final double[][] sampled;
    /** Per study, s_zz, s_zx, s_zy, s_xx, s_xy, s_yy (divisor n - 1) when there is an instrument. */
    private final double[] outInstrument;
    private static final int INSTRUMENT_MOMENTS = 6;
    /** Per published study, its path coefficients (paths x studies), when kept. */
    private double[] outCoefficients;
    private int lastInvalid;
    private int lastSuppressed;
    /** The plan whose mean-model covariances are in {@link #sigma} and {@link #psi}. */
    private CellPlan loadedPlan;


    private StudySimulator(Condition condition, Engine engine) {
        var design = condition.design();
        this.studies = design.studies();
        this.sampleSize = design.sampleSize();
        this.dropout = design.dropout().orElse(null);
        this.reporting = design.adjustedReporting().orElse(null);
        this.publication = design.publication().orElse(null);
        this.criticalZ = NormalDistribution.of(0, 1).inverseSurvivalProbability(condition.analyses().alpha() / 2);
        int m = design.moderators().size();
        levelCumulative = new double[m][];
        strides = new int[m];
        int stride = 1;
        for (int i = m - 1; i >= 0; i--) {
            var levels = design.moderators().get(i).levels();
            levelCumulative[i] = new double[levels.size()];
            double c = 0;
            for (int l = 0; l < levels.size(); l++) {
                c += levels.get(l).probability();
                levelCumulative[i][l] = c;
            }
            strides[i] = stride;
            stride *= levels.size();
        }
        List<ModeratorCell> cells = condition.cells();
        plans = new CellPlan[cells.size()];
        for (int c = 0; c < plans.length; c++) {
            plans[c] = new CellPlan(cells.get(c), condition);
        }
        StructuralModel model = condition.model();
        int k = model.nodes().size();
        q = model.analysisNodes().length;
        covariates = model.adjustment().length;
        instrument = model.instrument() >= 0;
        minimumAnalysed = covariates + 4;
        cov = new double[q][q];
        chol = new double[q][q];
        comoment = new double[q][q];
        smallL = new double[Math.max(1, covariates)][Math.max(1, covariates)];
        wa = new double[q];
        wb = new double[q];
        moments = new CoMoments(comoment);
        draw = engine.newDraw(condition, q, k);
        coefficients = new double[model.paths().size()];
        psi = new double[k];
        residualSd = new double[k];
        sigma = new double[k * k];
        outN = new int[studies];
        outR = new double[studies];
        outPartial = new double[studies];
        outCell = new int[studies];
        outReports = new boolean[studies];
        outPaired = new double[studies];
        boolean own = condition.analyses().pairedCorrelation().method() == PairedCorrelationRule.Method.SAMPLE;
        outMoments = own ? new double[studies * q * q] : null;
        sampled = new double[2 + covariates][2 + covariates];
        panelRows = design.sessions().map(s -> s.sessions() - 1).orElse(0);
        outPanel = design.sessions().isPresent() ? new double[studies * PanelDraw.STATISTICS] : null;
        outInstrument = instrument ? new double[studies * INSTRUMENT_MOMENTS] : null;
    }

    /**
     * @param condition the condition to simulate
     * @param engine the engine
     * @return a simulator for that condition
     * @throws ScenarioException when the engine cannot represent the condition (the sufficient
     *     engine and dropout): {@link Engine#unsupported(Condition)} says why
     */
    public static StudySimulator of(Condition condition, Engine engine) {
        Optional<Engine.Unsupported> u = engine.unsupported(condition);
        if (u.isPresent()) {
            throw new ScenarioException(condition.source(), u.get().pointer(), u.get().reason());
        }
        return new StudySimulator(condition, engine);
    }

    /**
     * Simulates one replication.
     *
     * @param rng the replication's random stream (the only randomness used)
     * @return the published studies and the counts of invalid draws and suppressed studies
     */
    public SimulatedReplication simulate(UniformRandomProvider rng) {
        int published = simulateInPlace(rng);
        List<SimulatedStudy> list = new ArrayList<>(published);
        for (int i = 0; i < published; i++) {
            list.add(new SimulatedStudy(outN[i], outR[i], outPartial[i], covariates, outPaired[i],
                plans[outCell[i]].levels));
        }
        return new SimulatedReplication(list, lastInvalid, lastSuppressed);
    }

    /**
     * Simulates one replication into this simulator's own arrays, without allocating: the same
     * studies as {@link #simulate} from the same rng, read through {@link #studyN},
     * {@link #studyR}, {@link #studyPartialR}, {@link #studyPairedCorrelation},
     * {@link #studyCell}, {@link #invalidDraws} and {@link #suppressedStudies} until the next call.
     *
     * @param rng the replication's random stream (the only randomness used)
     * @return the number of published studies
     */
    public int simulateInPlace(UniformRandomProvider rng) {
        NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        int published = 0;
        int invalid = 0;
        int suppressed = 0;
        long maxAttempts = (long) studies * MAX_ATTEMPTS_PER_STUDY;
        for (int attempt = 0; published < studies && attempt < maxAttempts; attempt++) {
            int cell = 0;
            for (int m = 0; m < levelCumulative.length; m++) {
                double[] cum = levelCumulative[m];
                double x = rng.nextDouble();
                int level = cum.length - 1;
                for (int l = 0; l < cum.length - 1; l++) {
                    if (x < cum[l]) {
                        level = l;
                        break;
                    }
                }
                cell += level * strides[m];
            }
            CellPlan plan = plans[cell];
            int n = sampleSize.sample(rng, gaussian, attempt);
            double[][] factor = plan.chol;
            double[] beta = plan.beta;
            double[] resSd = plan.residualSd;
            if (plan.varying.length > 0) {
                invalid += drawCoefficients(plan, gaussian);
                beta = coefficients;
                resSd = residualSd;
                if (dropout == null) {
                    observedCovariance(plan);
                    if (!SmallMatrices.cholesky(cov, chol, q)) {
                        // Numerically singular despite valid residual variances: use the mean model.
                        invalid++;
                        System.arraycopy(plan.beta, 0, coefficients, 0, coefficients.length);
                        factor = plan.chol;
                    } else {
                        factor = chol;
                    }
                }
            }
            // Decided before the data: a study that reports no adjusted estimate needs only the
            // exposure and outcome, whose joint distribution is the leading 2 x 2 block.
            boolean reports;
            if (reporting == null) {
                reports = false;
            } else if (reporting instanceof AdjustedReporting.Count) {
                reports = true;
            } else {
                reports = rng.nextDouble() < plan.reportProbability;
            }
            // An instrument needs every variable; it is the last, so it is drawn in any case.
            int dims = reports || instrument ? q : 2;
            int analysed = draw.draw(plan, factor, dims, n, beta, resSd, rng, gaussian, moments);
            invalid += draw.takeInvalidDraws();
            double r = SmallMatrices.correlation(comoment);
            if (analysed < minimumAnalysed || !(Math.abs(r) < 1)) {
                suppressed++;
                continue;
            }
            if (publication != null) {
                double z = Correlations.toFisherZ(r) * Math.sqrt(analysed - 3.0);
                double pi = publication.probability(z, criticalZ);
                // no draw for a certain publication, so that a rule with probability 1 leaves the stream as without it
                if (pi < 1 && rng.nextDouble() >= pi) {
                    suppressed++;
                    continue;
                }
            }
            outN[published] = analysed;
            outR[published] = r;
            outPartial[published] = reports ? SmallMatrices.partialCorrelation(comoment, 2 + covariates, smallL, wa, wb) : Double.NaN;
            outCell[published] = cell;
            outReports[published] = reports;
            if (outPanel != null) {
                System.arraycopy(draw.panelStatistics(), 0, outPanel, published * PanelDraw.STATISTICS,
                    PanelDraw.STATISTICS);
            }
            if (outCoefficients != null) {
                System.arraycopy(beta, 0, outCoefficients, published * beta.length, beta.length);
            }
            if (outInstrument != null) {
                double[][] c = comoment;
                double d = analysed - 1.0;
                int base = published * INSTRUMENT_MOMENTS;
                outInstrument[base] = c[q - 1][q - 1] / d;
                outInstrument[base + 1] = c[q - 1][0] / d;
                outInstrument[base + 2] = c[q - 1][1] / d;
                outInstrument[base + 3] = c[0][0] / d;
                outInstrument[base + 4] = c[1][0] / d;
                outInstrument[base + 5] = c[1][1] / d;
            }
            if (outMoments != null && reports) {
                for (int a = 0; a < q; a++) {
                    System.arraycopy(comoment[a], 0, outMoments, (published * q + a) * q, q);
                }
            }
            published++;
        }
        if (reporting instanceof AdjustedReporting.Count count && count.count() < published) {
            chooseReporters(count.count(), published, rng);
        }
        for (int i = 0; i < published; i++) {
            boolean reports = outReports[i] && !Double.isNaN(outPartial[i]);
            outPartial[i] = reports ? outPartial[i] : Double.NaN;
            outPaired[i] = !reports ? Double.NaN : outMoments == null ? plans[outCell[i]].pairedCorrelation
                : sampledPairedCorrelation(i);
        }
        lastInvalid = invalid;
        lastSuppressed = suppressed;
        return published;
    }

    /**
     * @param study index of a published study of the last {@link #simulateInPlace} call
     * @return its analysed sample size
     */
    public int studyN(int study) {
        return outN[study];
    }

    /**
     * @param study index of a published study of the last {@link #simulateInPlace} call
     * @return its observed exposure-outcome correlation
     */
    public double studyR(int study) {
        return outR[study];
    }

    /**
     * @param study index of a published study of the last {@link #simulateInPlace} call
     * @return its partial correlation, NaN when it reports no adjusted estimate
     */
    public double studyPartialR(int study) {
        return outPartial[study];
    }

    /**
     * @param study index of a published study of the last {@link #simulateInPlace} call
     * @return as {@link SimulatedStudy#pairedCorrelation()}
     */
    public double studyPairedCorrelation(int study) {
        return outPaired[study];
    }

    /** @return whether the condition has a randomized node (an instrument) */
    public boolean hasInstrument() {
        return instrument;
    }

    /**
     * The sample variances and covariances (divisor n - 1) of a study's observed instrument Z,
     * exposure X and outcome Y, what the IV analysis needs.
     *
     * @param study index of a published study of the last {@link #simulateInPlace} call
     * @param out receives s_zz, s_zx, s_zy, s_xx, s_xy, s_yy (at least 6 entries)
     * @throws IllegalStateException when the condition has no randomized node
     */
    public void studyInstrumentCovariances(int study, double[] out) {
        if (outInstrument == null) {
            throw new IllegalStateException("the condition has no randomized node");
        }
        System.arraycopy(outInstrument, study * INSTRUMENT_MOMENTS, out, 0, INSTRUMENT_MOMENTS);
    }

    /**
     * @param study index of a published study of the last {@link #simulateInPlace} call
     * @return its moderator cell, an index into {@link Condition#cells()}
     */
    public int studyCell(int study) {
        return outCell[study];
    }

    /**
     * Keeps each published study's path coefficients from now on (for {@link #studyCoefficient};
     * off by default, as the analyses do not need them).
     *
     * @return this simulator
     */
    public StudySimulator keepCoefficients() {
        if (outCoefficients == null) {
            outCoefficients = new double[studies * coefficients.length];
        }
        return this;
    }

    /**
     * @param study index of a published study of the last replication
     * @param path a path index, as {@link StructuralModel#paths()}
     * @return the coefficient the study drew (the mean when the path does not vary)
     * @throws IllegalStateException unless {@link #keepCoefficients} was called
     */
    public double studyCoefficient(int study, int path) {
        if (outCoefficients == null) {
            throw new IllegalStateException("keepCoefficients() was not called");
        }
        return outCoefficients[study * coefficients.length + path];
    }

    /**
     * @param study index of a published study of the last {@link #simulateInPlace} call of a
     *     session-by-session design
     * @return its panel statistics: the patients, their lagged rows per patient, and the grand
     *     means, within and between cross-products of the lagged rows
     * @throws IllegalStateException when the design has no sessions
     */
    public PanelStatistics studyPanel(int study) {
        if (outPanel == null) {
            throw new IllegalStateException("not a session-by-session design");
        }
        int o = study * PanelDraw.STATISTICS;
        return PanelStatistics.of(outN[study], panelRows,
            java.util.Arrays.copyOfRange(outPanel, o, o + 3),
            java.util.Arrays.copyOfRange(outPanel, o + 3, o + 12),
            java.util.Arrays.copyOfRange(outPanel, o + 12, o + 21));
    }

    /** @return the rejected coefficient draws of the last {@link #simulateInPlace} call */
    public int invalidDraws() {
        return lastInvalid;
    }

    /** @return the suppressed studies of the last {@link #simulateInPlace} call */
    public int suppressedStudies() {
        return lastSuppressed;
    }

    /** @return the number of covariates partialled out in a partial correlation */
    public int covariates() {
        return covariates;
    }

    /** Observed covariance of the analysis variables from {@link #sigma} (as StructuralModel.observedCovariance). */
    private void observedCovariance(CellPlan plan) {
        int[] vars = plan.analysis;
        int k = psi.length;
        for (int a = 0; a < q; a++) {
            int row = vars[a] * k;
            double[] att = plan.attenuation[a];
            for (int b = 0; b < a; b++) {
                cov[a][b] = att[b] * sigma[row + vars[b]];
            }
            cov[a][a] = 1;
        }
    }

    /** The delta-method working correlation at study i's own sampled co-moment matrix. */
    private double sampledPairedCorrelation(int study) {
        // The co-moment matrix is filled in its lower triangle; the delta method reads both, on
        // the correlation scale (its finite-difference step is absolute).
        int base = study * q * q;
        for (int a = 0; a < 2 + covariates; a++) {
            for (int b = 0; b <= a; b++) {
                double c = outMoments[base + a * q + b]
                    / Math.sqrt(outMoments[base + a * q + a] * outMoments[base + b * q + b]);
                sampled[a][b] = c;
                sampled[b][a] = c;
            }
        }
        return SamplingCorrelation.deltaMethod(sampled);
    }

    /** Keeps exactly {@code count} reporters among the first {@code published}, uniformly at random. */
    private void chooseReporters(int count, int published, UniformRandomProvider rng) {
        // Selection sampling (Knuth TAOCP vol. 2, Algorithm S): each subset equally likely.
        int needed = count;
        for (int i = 0; i < published; i++) {
            boolean keep = rng.nextInt(published - i) < needed;
            if (keep) {
                needed--;
            } else {
                outReports[i] = false;
            }
        }
    }

    /**
     * Draws the study's coefficients into {@link #coefficients}, its latent covariance into
     * {@link #sigma} and residual SDs into {@link #residualSd}.
     *
     * @return the number of rejected draws
     */
    private int drawCoefficients(CellPlan plan, NormalizedGaussianSampler gaussian) {
        if (loadedPlan != plan) {
            plan.update.loadMean(sigma, psi);
            loadedPlan = plan;
        }
        int rejected = 0;
        for (int d = 0; d < StructuralModel.MAX_COEFFICIENT_DRAWS; d++) {
            System.arraycopy(plan.beta, 0, coefficients, 0, coefficients.length);
            for (int p : plan.varying) {
                coefficients[p] += plan.sd[p] * gaussian.sample();
            }
            if (plan.update.compute(coefficients, psi, sigma) < 0) {
                if (dropout != null) {
                    setResidualSd();
                }
                return rejected;
            }
            rejected++;
        }
        System.arraycopy(plan.beta, 0, coefficients, 0, coefficients.length);
        plan.update.loadMean(sigma, psi);
        setResidualSd();
        return rejected;
    }

    private void setResidualSd() {
        for (int j = 0; j < psi.length; j++) {
            residualSd[j] = Math.sqrt(psi[j]);
        }
    }
}
