# Times metafor's selmodel(rma(yi, vi), type = "stepfun", steps = .025) (the 3PSM, metafor's
# default optimiser control, as a user runs it) on CSV files of studies (columns yi, vi) and
# prints one tab-separated line per file in the format of
# org.alliancelab.benchmarks.compare.SelectionTimer:
#   dataset 3PSM median_seconds estimate se tau2 NA
# The estimate, se and tau2 printed are those of the same call with a tight optimiser control
# (reltol = 1e-14, ndeps = 1e-5: metafor's defaults stop 1e-5 to 1e-3 from the maximum), so that
# the two sides can be checked against each other; the default call's estimate is printed too
# (8th column).
# Usage: Rscript time-selmodel.R FILE...
# Each call is first run once, then timed in batches of at least 20 ms (21 batches; 5 when one
# fit takes over half a second); the median per-fit time over batches is printed.
suppressPackageStartupMessages(library(metafor))
files <- commandArgs(trailingOnly = TRUE)
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
  fit <- function() selmodel(rma(dat$yi, dat$vi), type = "stepfun", steps = 0.025)
  t <- time_median(fit)
  default <- fit()
  tight <- selmodel(rma(dat$yi, dat$vi), type = "stepfun", steps = 0.025,
                    control = list(reltol = 1e-14, maxit = 10000, ndeps = rep(1e-5, 4)))
  cat(sprintf("%s\t3PSM\t%.6e\t%.15e\t%.15e\t%.15e\tNA\t%.15e\n", name, t, as.numeric(tight$beta), tight$se,
              tight$tau2, as.numeric(default$beta)))
}
