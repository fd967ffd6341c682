# Reference values for the per-study panel estimators (core/src/test/resources/panel/): the
# within-person lagged effect, a random-intercept linear mixed model fitted by REML with lme4,
#   lmer(y_next ~ xc + yc + (1 | id), REML = TRUE)
# with xc, yc the lagged predictors centred at each person's mean over the lagged rows, and the
# naive pooled lagged regression lm(y_next ~ x + y). Two balanced panels are simulated from a
# random-intercept cross-lagged panel model (Hamaker, Kuiper & Grasman 2015) and stored as CSV
# (long format: id, session, x, y); the Java tests read the same files.
# Run from the repository root:  Rscript core/src/test/r/panel-reference.R
# Needs lme4 and jsonlite (Debian r-cran-lme4, r-cran-jsonlite).
suppressPackageStartupMessages({library(lme4); library(jsonlite)})
out <- "core/src/test/resources/panel"
dir.create(out, showWarnings = FALSE)

simulate_panel <- function(n, sessions, seed) {
  set.seed(seed)
  A <- matrix(c(0.4, 0.15, 0.1, 0.3), 2, 2, byrow = TRUE)   # x_t = .4 x + .15 y; y_t = .1 x + .3 y
  ax <- rnorm(n, 0, 0.8); ay <- 0.4 * ax + rnorm(n, 0, 0.7)
  rows <- list()
  for (i in seq_len(n)) {
    w <- rnorm(2)
    for (t in seq_len(sessions)) {
      if (t > 1) w <- as.vector(A %*% w) + rnorm(2)
      rows[[length(rows) + 1]] <- data.frame(id = i, session = t,
        x = round(5 + ax[i] + w[1] + rnorm(1, 0, 0.3), 6), y = round(2 + ay[i] + w[2] + rnorm(1, 0, 0.3), 6))
    }
  }
  do.call(rbind, rows)
}

lagged <- function(d) {
  d <- d[order(d$id, d$session), ]
  last <- ave(d$session, d$id, FUN = max)
  nxt <- c(d$y[-1], NA)
  r <- data.frame(id = d$id, x = d$x, y = d$y, y_next = nxt)[d$session < last, ]
  r$xc <- r$x - ave(r$x, r$id)
  r$yc <- r$y - ave(r$y, r$id)
  r
}

reference <- function(name, n, sessions, seed) {
  d <- simulate_panel(n, sessions, seed)
  csv <- file.path(out, paste0(name, ".csv"))
  write.csv(d, csv, row.names = FALSE)
  d <- read.csv(csv)
  r <- lagged(d)
  call <- "lmer(y_next ~ xc + yc + (1 | id), data = r, REML = TRUE, control = lmerControl(optimizer = 'bobyqa', optCtrl = list(rhoend = 1e-14)))"
  fit <- eval(parse(text = call))
  vc <- as.data.frame(VarCorr(fit))
  s <- summary(fit)$coefficients
  lmcall <- "lm(y_next ~ x + y, data = r)"
  ols <- summary(eval(parse(text = lmcall)))
  # Hand computation of the closed form (methods.md): within estimator, REML variance components.
  Xc <- cbind(r$xc, r$yc); b <- solve(crossprod(Xc), crossprod(Xc, r$y_next))
  rows <- sessions - 1
  ybar <- ave(r$y_next, r$id)
  rss <- sum((r$y_next - ybar - Xc %*% b)^2)
  sigma2 <- rss / (n * (rows - 1) - 2)
  ssb <- sum((tapply(r$y_next, r$id, mean) - mean(r$y_next))^2)
  lambda <- rows * ssb / (n - 1)
  list(
    file = paste0(name, ".csv"), persons = n, sessions = sessions,
    source = paste0("R ", R.version$major, ".", R.version$minor, ", lme4 ", packageVersion("lme4")),
    lmer_call = call,
    within = list(intercept = s[1, 1], intercept_se = s[1, 2], xc = s[2, 1], xc_se = s[2, 2],
                  yc = s[3, 1], yc_se = s[3, 2],
                  tau2 = vc$vcov[vc$grp == "id"], sigma2 = vc$vcov[vc$grp == "Residual"],
                  reml_criterion = unname(REMLcrit(fit)), singular = isSingular(fit)),
    within_by_hand = list(xc = b[1], yc = b[2], sigma2 = sigma2, tau2 = (lambda - sigma2) / rows,
                          xc_se = sqrt(sigma2 * solve(crossprod(Xc))[1, 1])),
    lm_call = lmcall,
    naive = list(intercept = ols$coefficients[1, 1], intercept_se = ols$coefficients[1, 2],
                 x = ols$coefficients[2, 1], x_se = ols$coefficients[2, 2],
                 y = ols$coefficients[3, 1], y_se = ols$coefficients[3, 2],
                 sigma2 = ols$sigma^2, df = ols$df[2]))
}

refs <- list(reference("panel-40x6", 40, 6, 20261203), reference("panel-12x4", 12, 4, 15))
writeLines(toJSON(refs, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(out, "reference.json"))
