package org.alliancelab.benchmarks.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.pooling.TauSquaredEstimator;

/**
 * Times {@code RandomEffectsModel.fit(yi, vi)} (the object API, the counterpart of metafor's
 * {@code rma(yi, vi, method = ...)}) with DL and REML on CSV files of studies, and prints one
 * tab-separated line per file and method:
 * {@code dataset method median_seconds estimate se tau2 iterations}.
 *
 * <p>Usage: {@code PoolingTimer THRESHOLD MAX_ITERATIONS FILE...}, each file with a header and
 * columns {@code yi,vi}; the dataset name is the file name without {@code .csv}. The convergence
 * settings are passed so that R and Java iterate to the same tolerance.
 *
 * <p>Method: every (file, method) pair is first run for about a second (JIT warm-up, all pairs
 * before any is timed), then 21 batches are timed, each long enough (at least 20 ms) for
 * {@link System#nanoTime()} to be precise; the median per-fit time over batches is printed.
 */
public final class PoolingTimer {

    private static final TauSquaredEstimator[] METHODS = {TauSquaredEstimator.DL, TauSquaredEstimator.REML};
    private static final int BATCHES = 21;
    private static final long WARMUP_NANOS = 1_000_000_000L;
    private static final long BATCH_NANOS = 20_000_000L;

    private PoolingTimer() {
    }

    /**
     * Entry point.
     *
     * @param args threshold, maximum iterations, then CSV files
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: PoolingTimer THRESHOLD MAX_ITERATIONS FILE...");
            System.exit(2);
        }
        double threshold = Double.parseDouble(args[0]);
        int maxIterations = Integer.parseInt(args[1]);
        List<String> names = new ArrayList<>();
        List<double[][]> data = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            Path file = Path.of(args[i]);
            names.add(file.getFileName().toString().replaceFirst("\\.csv$", ""));
            data.add(readCsv(file));
        }
        RandomEffectsModel[] models = new RandomEffectsModel[METHODS.length];
        for (int m = 0; m < METHODS.length; m++) {
            models[m] = RandomEffectsModel.of(METHODS[m]).withConvergence(threshold, maxIterations);
        }
        double sink = 0;
        for (double[][] d : data) {
            for (RandomEffectsModel model : models) {
                sink += run(model, d, WARMUP_NANOS);
            }
        }
        PrintStream out = System.out;
        for (int f = 0; f < data.size(); f++) {
            double[][] d = data.get(f);
            for (int m = 0; m < models.length; m++) {
                double[] perFit = new double[BATCHES];
                for (int b = 0; b < BATCHES; b++) {
                    long start = System.nanoTime();
                    long fits = 0;
                    long elapsed;
                    do {
                        sink += models[m].fit(d[0], d[1]).estimate();
                        fits++;
                        elapsed = System.nanoTime() - start;
                    } while (elapsed < BATCH_NANOS);
                    perFit[b] = elapsed * 1e-9 / fits;
                }
                Arrays.sort(perFit);
                MetaAnalysisResult r = models[m].fit(d[0], d[1]);
                out.printf(Locale.ROOT, "%s\t%s\t%.6e\t%.15e\t%.15e\t%.15e\t%d%n", names.get(f), METHODS[m],
                    perFit[BATCHES / 2], r.estimate(), r.se(), r.tau2(), r.iterations());
            }
        }
        if (Double.isNaN(sink)) {
            // keeps the timed fits observable to the JIT
            System.err.println("NaN estimate");
        }
    }

    private static double run(RandomEffectsModel model, double[][] d, long nanos) {
        double sink = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            sink += model.fit(d[0], d[1]).estimate();
        }
        return sink;
    }

    /** Reads columns yi and vi (by header name) of a comma-separated file. */
    static double[][] readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).replace("\"", "").split(","));
        int y = header.indexOf("yi");
        int v = header.indexOf("vi");
        if (y < 0 || v < 0) {
            throw new IOException(file + ": header must name columns yi and vi, got " + lines.get(0));
        }
        int k = lines.size() - 1;
        double[] yi = new double[k];
        double[] vi = new double[k];
        for (int i = 0; i < k; i++) {
            String[] fields = lines.get(i + 1).split(",");
            yi[i] = Double.parseDouble(fields[y]);
            vi[i] = Double.parseDouble(fields[v]);
        }
        return new double[][] {yi, vi};
    }
}
