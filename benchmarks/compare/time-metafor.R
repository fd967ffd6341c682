# Times metafor's rma() with DL and REML on CSV files of studies (columns yi, vi) and prints one
# tab-separated line per file and method, in the format of
# org.alliancelab.benchmarks.compare.PoolingTimer:
#   dataset method median_seconds estimate se tau2 iterations (NA: rma() does not report it)
# Usage: Rscript time-metafor.R THRESHOLD MAX_ITERATIONS FILE...
# Each call is first run once (warm-up, and to size the batches), then timed in batches of at
# least 20 ms (21 batches; 5 when one fit takes over half a second); the median per-fit time over
# batches is printed.
suppressPackageStartupMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
threshold <- as.numeric(args[1])
maxiter <- as.integer(args[2])
files <- args[-(1:2)]
ctrl <- list(threshold = threshold, maxiter = maxiter)

now <- function() as.numeric(Sys.time())

time_median <- function(f) {
  s <- now(); f(); first <- now() - s
  reps <- max(1L, as.integer(ceiling(0.02 / max(first, 1e-6))))
  batches <- if (first > 0.5) 5L else 21L
  per <- numeric(batches)
  for (b in seq_len(batches)) {
    s <- now()
    for (i in seq_len(reps)) f()
    per[b] <- (now() - s) / reps
  }
  median(per)
}

for (file in files) {
  dat <- read.csv(file)
  name <- sub("\\.csv$", "", basename(file))
  for (method in c("DL", "REML")) {
    fit <- function() rma(dat$yi, dat$vi, method = method, control = ctrl)
    t <- time_median(fit)
    res <- fit()
    # rma() does not return its iteration count: NA.
    cat(sprintf("%s\t%s\t%.6e\t%.15e\t%.15e\t%.15e\tNA\n", name, method, t,
                as.numeric(res$b), res$se, res$tau2))
  }
}
