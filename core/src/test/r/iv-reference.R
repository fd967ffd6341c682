# Reference values for InstrumentalVariable (core/src/test/resources/iv/).
# Run from the repository root:  Rscript core/src/test/r/iv-reference.R
# Base R only (AER is not installed): the first stage and the intention to treat by lm(), the
# 2SLS estimate and its variance by matrix algebra, sigma^2 from the structural residuals
# y - X b (with the observed X, not the fitted one) on n - 2 df, as AER::ivreg reports them.
suppressPackageStartupMessages(library(jsonlite))
out <- "core/src/test/resources/iv"

make <- function(name, n, binary, first, effect, direct, seed) {
  set.seed(seed)
  z <- if (binary) rbinom(n, 1, 0.5) else rnorm(n)
  conf <- rnorm(n)
  x <- first * z + 0.5 * conf + rnorm(n)
  y <- effect * x + direct * z + 0.5 * conf + rnorm(n)
  dat <- data.frame(z = round(z, 6), x = round(x, 6), y = round(y, 6))
  write.csv(dat, file.path(out, paste0(name, ".csv")), row.names = FALSE)
  dat
}

case <- function(name, description, dat) {
  n <- nrow(dat)
  fs <- lm(x ~ z, data = dat)
  rf <- lm(y ~ z, data = dat)
  Z <- cbind(1, dat$z)
  X <- cbind(1, dat$x)
  Xhat <- Z %*% solve(crossprod(Z), crossprod(Z, X))
  b <- solve(crossprod(Xhat, X), crossprod(Xhat, dat$y))
  u <- dat$y - X %*% b
  sigma2 <- sum(u^2) / (n - 2)
  V <- sigma2 * solve(crossprod(Xhat))
  res <- list(
    name = name, description = description,
    source = paste0("R ", R.version$major, ".", R.version$minor, " (base R: lm and matrix algebra)"),
    calls = c("fs <- lm(x ~ z); rf <- lm(y ~ z)",
              "Xhat <- Z %*% solve(crossprod(Z), crossprod(Z, X)); b <- solve(crossprod(Xhat, X), crossprod(Xhat, y))",
              "V <- sum((y - X %*% b)^2) / (n - 2) * solve(crossprod(Xhat))"),
    data = paste0(name, ".csv"),
    n = n,
    intention_to_treat = unname(coef(rf)[2]),
    intention_to_treat_se = unname(summary(rf)$coefficients[2, 2]),
    first_stage = unname(coef(fs)[2]),
    first_stage_se = unname(summary(fs)$coefficients[2, 2]),
    first_stage_f = unname(summary(fs)$fstatistic[1]),
    estimate = b[2, 1],
    standard_error = sqrt(V[2, 2]))
  write(toJSON(res, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(out, paste0(name, ".json")))
}

case("binary", "randomized 0/1 encouragement, n = 120, first stage .5, effect .3, valid",
     make("binary", 120, TRUE, 0.5, 0.3, 0, 20261203))
case("continuous-violated", "standard normal instrument, n = 57, weak first stage .25, effect 0, direct path .2",
     make("continuous-violated", 57, FALSE, 0.25, 0, 0.2, 15))
