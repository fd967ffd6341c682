# One replication of an alliance-lab scenario's first grid condition (the built-in `causal`
# scenario in compare-metafor.sh), written as an R user would write it, and timed: the
# counterpart of org.alliancelab.benchmarks.compare.ReplicationTimer.
#
# Reads the scenario JSON itself (jsonlite) and implements the part of the format that `causal`
# uses, refusing the rest: the standardized linear SCM (nodes, paths with between-study SDs,
# reliabilities, exposure, outcome, adjustment set), log-normal sample sizes redrawn below the
# minimum, a fraction of studies reporting the adjusted estimate, and a grid whose first levels
# set numeric fields. Per study: n patients drawn from the observed covariance of exposure,
# outcome and adjustment set (patient level), r(exposure, outcome) and the partial r given the
# adjustment set. Then metafor's rma(method = "REML") on (1) Fisher z of r, all studies, (2) the
# same on the reporting studies, (3) Fisher z of the partial r, v = 1/(n - p - 3), on those, and
# the subgroup (Wald) difference of (3) and (2). (Ours also runs the paired difference test.)
#
# Usage: Rscript causal-replication.R SCENARIO.json OUTDIR THRESHOLD
# Prints tab-separated lines:
#   truth <unadjusted> <adjusted>            population values by covariance algebra
#   replication R <median_seconds>           median time of one replication (21 timed)
#   pooled <analysis> <estimate> <tau2>      REML (threshold THRESHOLD) on the data of the last
#                                            replication, also written to OUTDIR/<analysis>.csv
suppressPackageStartupMessages({ library(metafor); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
scenario <- fromJSON(args[1], simplifyVector = FALSE)
out <- args[2]
threshold <- as.numeric(args[3])
stop_unsupported <- function(what) stop(paste("causal-replication.R does not implement", what), call. = FALSE)

# First level of every grid factor, set by its JSON pointer (numeric fields only).
set_in <- function(x, keys, value) {
  key <- if (grepl("^[0-9]+$", keys[1])) as.integer(keys[1]) + 1L else keys[1]
  x[[key]] <- if (length(keys) == 1) value else set_in(x[[key]], keys[-1], value)
  x
}
for (factor in scenario$grid) {
  scenario <- set_in(scenario, strsplit(sub("^/", "", factor$path), "/")[[1]], factor$levels[[1]])
}
design <- scenario$design
for (field in c("moderators", "publication", "dropout")) if (!is.null(design[[field]])) stop_unsupported(field)
if (design$sampleSize$distribution != "lognormal") stop_unsupported("sample sizes other than lognormal")
if (is.null(design$adjustedReporting$fraction)) stop_unsupported("adjusted reporting other than a fraction")

model <- scenario$model
nodes <- vapply(model$nodes, function(x) x$name, "")
q <- length(nodes)
observed <- vapply(model$nodes, function(x) is.null(x$observed) || isTRUE(x$observed), TRUE)
reliability <- vapply(model$nodes, function(x) if (is.null(x$reliability)) 1 else x$reliability, 0)
B <- matrix(0, q, q, dimnames = list(nodes, nodes))  # B[to, from]
SD <- B
for (p in model$paths) {
  B[p$to, p$from] <- p$beta
  if (!is.null(p$sd)) SD[p$to, p$from] <- p$sd
}
varying <- which(SD != 0)
# Topological order (Kahn): parents before children.
order <- integer(0); left <- seq_len(q)
while (length(left) > 0) {
  ready <- left[vapply(left, function(j) all(B[j, left] == 0), TRUE)]
  if (length(ready) == 0) stop("the path graph has a cycle", call. = FALSE)
  order <- c(order, ready); left <- setdiff(left, ready)
}
analysis <- match(c(model$exposure, model$outcome, unlist(model$adjustment)), nodes)
p_cov <- length(analysis) - 2

# Latent covariance of the standardized SCM; NULL when a residual variance is below 1e-8
# (the simulator's rule: the draw is rejected and redrawn).
latent_cov <- function(B) {
  S <- matrix(0, q, q)
  for (a in seq_along(order)) {
    j <- order[a]; b <- B[j, ]
    for (i in order[seq_len(a - 1)]) S[j, i] <- S[i, j] <- sum(b * S[, i])
    if (1 - drop(t(b) %*% S %*% b) < 1e-8) return(NULL)
    S[j, j] <- 1
  }
  S
}
observed_cov <- function(S) {
  d <- sqrt(reliability)
  O <- S * (d %o% d)
  diag(O) <- 1
  O[analysis, analysis]
}
partial_r <- function(R) {
  P <- solve(R)
  -P[1, 2] / sqrt(P[1, 1] * P[2, 2])
}

O <- observed_cov(latent_cov(B))
cat(sprintf("truth\t%.15e\t%.15e\n", O[1, 2], partial_r(O)))

ss <- design$sampleSize
fraction <- design$adjustedReporting$fraction
# rma's Fisher scoring occasionally oscillates on small subsets; the remedy help(rma) gives is a
# smaller step length (the simulator counts a non-converged analysis as a failure instead).
reml <- function(y, v, control = list()) {
  tryCatch(rma(y, v, method = "REML", control = control), error = function(e)
    rma(y, v, method = "REML", control = modifyList(control, list(stepadj = 0.5, maxiter = 1000))))
}

replication <- function() {
  k <- design$studies
  n <- integer(k); r <- numeric(k); pr <- numeric(k); reports <- logical(k)
  for (s in seq_len(k)) {
    repeat { m <- round(ss$median * exp(ss$spread * rnorm(1))); if (m >= ss$minimum) break }
    S <- NULL
    for (attempt in 1:100) {
      Bs <- B
      Bs[varying] <- B[varying] + SD[varying] * rnorm(length(varying))
      S <- latent_cov(Bs)
      if (!is.null(S)) break
    }
    if (is.null(S)) S <- latent_cov(B)
    X <- matrix(rnorm(m * length(analysis)), m) %*% chol(observed_cov(S))
    R <- cor(X)
    n[s] <- m; r[s] <- R[1, 2]; pr[s] <- partial_r(R); reports[s] <- runif(1) < fraction
  }
  yi <- atanh(r); vi <- 1 / (n - 3)
  ya <- atanh(pr[reports]); va <- 1 / (n[reports] - p_cov - 3)
  all <- reml(yi, vi)
  unadjusted <- reml(yi[reports], vi[reports])
  adjusted <- reml(ya, va)
  difference <- as.numeric(adjusted$b - unadjusted$b)
  z <- difference / sqrt(adjusted$se^2 + unadjusted$se^2)
  list(data = list(unadjusted_all = data.frame(yi = yi, vi = vi),
                   unadjusted_reporting = data.frame(yi = yi[reports], vi = vi[reports]),
                   adjusted = data.frame(yi = ya, vi = va)),
       results = list(all, unadjusted, adjusted), p = 2 * pnorm(-abs(z)))
}

set.seed(scenario$seed)
now <- function() as.numeric(Sys.time())
last <- replication()  # warm-up
times <- numeric(21)
for (b in seq_along(times)) {
  s <- now()
  last <- replication()
  times[b] <- now() - s
}
cat(sprintf("replication\tR\t%.6e\n", median(times)))
for (name in names(last$data)) {
  d <- last$data[[name]]
  write.csv(data.frame(yi = sprintf("%.17g", d$yi), vi = sprintf("%.17g", d$vi)),
            file.path(out, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
  res <- reml(d$yi, d$vi, control = list(threshold = threshold, maxiter = 1000))
  cat(sprintf("pooled\t%s\t%.15e\t%.15e\n", name, as.numeric(res$b), res$tau2))
}
