package org.alliancelab.benchmarks.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.alliancelab.meta.bias.SelectionModel;
import org.alliancelab.meta.bias.SelectionModelResult;

/**
 * Times {@code SelectionModel.threeParameter().fit(yi, vi)}, the counterpart of metafor's
 * {@code selmodel(rma(yi, vi), type = "stepfun", steps = .025)}, on CSV files of studies (columns
 * yi, vi), and prints one tab-separated line per file:
 * {@code dataset 3PSM median_seconds estimate se tau2 iterations}.
 *
 * <p>Usage: {@code SelectionTimer FILE...}. Method as {@link PoolingTimer}: a second of warm-up
 * over all files, then 21 batches of at least 20 ms each; the median per-fit time is printed.
 */
public final class SelectionTimer {

    private static final int BATCHES = 21;
    private static final long WARMUP_NANOS = 1_000_000_000L;
    private static final long BATCH_NANOS = 20_000_000L;

    private SelectionTimer() {
    }

    /**
     * Entry point.
     *
     * @param args CSV files
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        SelectionModel model = SelectionModel.threeParameter();
        double[][][] data = new double[args.length][][];
        for (int f = 0; f < args.length; f++) {
            data[f] = PoolingTimer.readCsv(Path.of(args[f]));
        }
        double sink = 0;
        for (double[][] d : data) {
            long start = System.nanoTime();
            while (System.nanoTime() - start < WARMUP_NANOS / Math.max(1, args.length)) {
                sink += model.fit(d[0], d[1]).estimate();
            }
        }
        PrintStream out = System.out;
        for (int f = 0; f < args.length; f++) {
            double[][] d = data[f];
            double[] perFit = new double[BATCHES];
            for (int b = 0; b < BATCHES; b++) {
                long start = System.nanoTime();
                long fits = 0;
                long elapsed;
                do {
                    sink += model.fit(d[0], d[1]).estimate();
                    fits++;
                    elapsed = System.nanoTime() - start;
                } while (elapsed < BATCH_NANOS);
                perFit[b] = elapsed * 1e-9 / fits;
            }
            Arrays.sort(perFit);
            SelectionModelResult r = model.fit(d[0], d[1]);
            String name = Path.of(args[f]).getFileName().toString().replaceFirst("\\.csv$", "");
            out.printf(Locale.ROOT, "%s\t3PSM\t%.6e\t%.15e\t%.15e\t%.15e\t%d%n", name, perFit[BATCHES / 2],
                r.estimate(), r.se(), r.tau2(), r.iterations());
        }
        if (Double.isNaN(sink)) {
            // keeps the timed fits observable to the JIT
            System.err.println("NaN estimate");
        }
    }
}
