package org.alliancelab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.alliancelab.simulate.montecarlo.ProgressListener;

/**
 * A one-line progress bar with ETA, redrawn with a carriage return at most five times a
 * second. Only for terminals: the commands use it when standard error is a console.
 */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String label;
    private final long start = System.nanoTime();
    private long firstDone = -1;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public void progress(long done, long total) {
        long now = System.nanoTime();
        if (firstDone < 0) {
            firstDone = done; // replications reused from a checkpoint do not count for the rate
        }
        if (done < total && drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        double frac = total == 0 ? 1 : (double) done / total;
        int full = (int) Math.round(frac * WIDTH);
        String eta = "";
        long computed = done - firstDone;
        if (computed > 0 && done < total) {
            double secondsPer = (now - start) / 1e9 / computed;
            eta = "  ETA " + clock(Math.round(secondsPer * (total - done)));
        }
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %d/%d%s   ", label, "#".repeat(full),
            " ".repeat(WIDTH - full), Math.round(frac * 100), done, total, eta));
        if (done >= total) {
            err.println();
            drawn = false;
        }
        err.flush();
    }

    /** Ends the line if the bar stopped before completion. */
    void finish() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }

    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
