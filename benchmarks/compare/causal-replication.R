# One replication of alliance-lab's built-in `causal` scenario, condition 1 (reliability of early
# change 0.6), written as an R user would write it, timed; the counterpart of
# org.alliancelab.benchmarks.compare.ReplicationTimer.
#
# Model (standardized linear SCM, as in simulate/src/main/resources/scenarios/causal.json):
# severity -> early_change 0.2, severity -> alliance -0.15, severity -> outcome 0.25,
# early_change -> alliance 0.3, early_change -> outcome 0.3, alliance -> outcome 0.2 with a
# between-study SD of 0.05; reliabilities 0.85, 0.6, 0.77, 0.85. 50 studies, n log-normal with
# median 70 and SD of log n 0.6, redrawn below 20; each study reports the adjusted (partial)
# correlation with probability 0.4. Per study: n patients drawn from the observed covariance
# (patient level), r(alliance, outcome) and the partial r given observed severity and early
# change. Then metafor's rma(method = "REML") on (1) Fisher z of r, all studies, (2) the same on
# the reporting studies, (3) Fisher z of the partial r, v = 1/(n - 2 - 3), on those, and the
# subgroup (Wald) difference of (3) and (2).
#
# Usage: Rscript causal-replication.R OUTDIR THRESHOLD
# Prints tab-separated lines:
#   truth <unadjusted> <adjusted>            population values by covariance algebra
#   replication R <median_seconds>           median time of one replication
#   pooled <analysis> <estimate> <tau2>      REML (threshold THRESHOLD) on the data of the last
#                                            replication, also written to OUTDIR/<analysis>.csv
suppressPackageStartupMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
threshold <- as.numeric(args[2])

nodes <- c("severity", "early_change", "alliance", "outcome")
reliability <- c(0.85, 0.6, 0.77, 0.85)
B <- matrix(0, 4, 4, dimnames = list(nodes, nodes))  # B[to, from]
B["early_change", "severity"] <- 0.2
B["alliance", "severity"] <- -0.15
B["outcome", "severity"] <- 0.25
B["alliance", "early_change"] <- 0.3
B["outcome", "early_change"] <- 0.3
B["outcome", "alliance"] <- 0.2
sd_alliance_outcome <- 0.05

# Latent covariance of a standardized SCM whose nodes are in topological order; NULL when a
# residual variance is not positive (the draw is rejected and redrawn, as the simulator does).
latent_cov <- function(B) {
  S <- diag(4)
  for (j in 2:4) {
    b <- B[j, ]
    for (i in seq_len(j - 1)) S[j, i] <- S[i, j] <- sum(b * S[, i])
    if (1 - drop(t(b) %*% S %*% b) <= 1e-8) return(NULL)
  }
  S
}
observed_cov <- function(S) {
  d <- sqrt(reliability)
  O <- S * (d %o% d)
  diag(O) <- 1
  O
}
partial_r <- function(R) {
  P <- solve(R)
  -P[3, 4] / sqrt(P[3, 3] * P[4, 4])
}

O <- observed_cov(latent_cov(B))
cat(sprintf("truth\t%.15e\t%.15e\n", O[3, 4], partial_r(O)))

replication <- function() {
  k <- 50
  n <- integer(k); r <- numeric(k); pr <- numeric(k); reports <- logical(k)
  for (s in seq_len(k)) {
    repeat { m <- round(70 * exp(0.6 * rnorm(1))); if (m >= 20) break }
    repeat {
      Bs <- B
      Bs["outcome", "alliance"] <- 0.2 + sd_alliance_outcome * rnorm(1)
      S <- latent_cov(Bs)
      if (!is.null(S)) break
    }
    X <- matrix(rnorm(m * 4), m, 4) %*% chol(observed_cov(S))
    R <- cor(X)
    n[s] <- m; r[s] <- R[3, 4]; pr[s] <- partial_r(R); reports[s] <- runif(1) < 0.4
  }
  yi <- atanh(r); vi <- 1 / (n - 3)
  ya <- atanh(pr[reports]); va <- 1 / (n[reports] - 2 - 3)
  all <- rma(yi, vi, method = "REML")
  unadjusted <- rma(yi[reports], vi[reports], method = "REML")
  adjusted <- rma(ya, va, method = "REML")
  difference <- as.numeric(adjusted$b - unadjusted$b)
  z <- difference / sqrt(adjusted$se^2 + unadjusted$se^2)
  list(data = list(unadjusted_all = data.frame(yi = yi, vi = vi),
                   unadjusted_reporting = data.frame(yi = yi[reports], vi = vi[reports]),
                   adjusted = data.frame(yi = ya, vi = va)),
       p = 2 * pnorm(-abs(z)))
}

set.seed(20180101)
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
  res <- rma(d$yi, d$vi, method = "REML", control = list(threshold = threshold, maxiter = 1000))
  cat(sprintf("pooled\t%s\t%.15e\t%.15e\n", name, as.numeric(res$b), res$tau2))
}
