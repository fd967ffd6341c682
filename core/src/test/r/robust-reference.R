# Reference values for ClusterRobustInference (core/src/test/resources/robust/robust_*.json).
# Run from the repository root:  Rscript core/src/test/r/robust-reference.R
# Needs metafor (3.8-1) and clubSandwich (0.5.8), Debian r-cran-metafor, r-cran-clubsandwich.
suppressPackageStartupMessages({library(metafor); library(clubSandwich); library(jsonlite)})
out <- "core/src/test/resources/robust"

coefs <- function(rob) {
  data.frame(name = rownames(rob$beta), estimate = as.numeric(rob$beta), se = rob$se, tval = rob$zval,
             df = rep_len(rob$dfs, length(rob$se)), pval = rob$pval, ci_lb = rob$ci.lb, ci_ub = rob$ci.ub)
}

# clubSandwich's own CR2 tests and intervals (for a case metafor::robust refuses)
coefs_cs <- function(fit, cluster) {
  ct <- coef_test(fit, vcov = "CR2", cluster = cluster, test = "Satterthwaite")
  ci <- conf_int(fit, vcov = "CR2", cluster = cluster, test = "Satterthwaite")
  data.frame(name = ct$Coef, estimate = ct$beta, se = ct$SE, tval = ct$tstat, df = ct$df_Satt, pval = ct$p_Satt,
             ci_lb = ci$CI_L, ci_ub = ci$CI_U)
}

# with.cr1 = FALSE: CR2 only, from clubSandwich directly (the file then has no CR1 key)
case <- function(name, description, dat, mods, method, calls, with.cr1 = TRUE) {
  ctrl <- list(threshold = 1e-12, maxiter = 1000)
  fit <- if (is.null(mods)) rma(yi, vi, data = dat, method = method, control = ctrl) else
    rma(yi, vi, mods = mods, data = dat, method = method, control = ctrl)
  res <- list(
    name = name, description = description,
    source = paste0("R ", R.version$major, ".", R.version$minor, ", metafor ", packageVersion("metafor"),
                    ", clubSandwich ", packageVersion("clubSandwich")),
    calls = calls, method = method, tau2 = fit$tau2,
    moderators = if (is.null(mods)) list() else as.list(all.vars(mods)),
    data = dat)
  if (with.cr1) {
    cr1 <- robust(fit, cluster = dat$cluster, adjust = TRUE)
    cr2 <- robust(fit, cluster = dat$cluster, clubSandwich = TRUE)
    # clubSandwich directly, as a second reading of the same numbers
    ct <- coef_test(fit, vcov = "CR2", cluster = dat$cluster, test = "Satterthwaite")
    stopifnot(isTRUE(all.equal(as.numeric(ct$SE), as.numeric(cr2$se))), isTRUE(all.equal(as.numeric(ct$df_Satt), as.numeric(cr2$dfs))))
    res$CR1 <- coefs(cr1)
    res$CR2 <- coefs(cr2)
  } else {
    res$CR2 <- coefs_cs(fit, dat$cluster)
  }
  write(toJSON(res, digits = NA, pretty = TRUE, auto_unbox = TRUE), file.path(out, paste0("robust_", name, ".json")))
}

calls <- function(mods, method) c(
  sprintf("fit <- rma(yi, vi, %sdata = dat, method = \"%s\", control = list(threshold = 1e-12, maxiter = 1000))",
          if (is.null(mods)) "" else paste0("mods = ", deparse(mods), ", "), method),
  "robust(fit, cluster = dat$cluster, adjust = TRUE)   # CR1",
  "robust(fit, cluster = dat$cluster, clubSandwich = TRUE)   # CR2, Satterthwaite (= coef_test(fit, vcov = \"CR2\", cluster = dat$cluster, test = \"Satterthwaite\"))")

# (a) intercept-only REML, one row per cluster, k = 20
set.seed(1)
n <- round(exp(rnorm(20, log(80), 0.6))) + 20
rho <- rnorm(20, 0.25, 0.1)
r <- tanh(atanh(rho) + rnorm(20, 0, 1 / sqrt(n - 3)))
dat <- data.frame(yi = atanh(r), vi = 1 / (n - 3), cluster = 1:20)
case("one_per_cluster_reml", "intercept only, REML, one row per cluster (k = 20)", dat, NULL, "REML", calls(NULL, "REML"))

# (b) intercept-only EE, two rows per cluster, clusters unsorted
set.seed(2)
m <- 15
n <- round(exp(rnorm(m, log(100), 0.5))) + 20
cl <- sample(rep(1:m, 2))
ni <- n[cl]
dat <- data.frame(yi = rnorm(2 * m, 0.2, 1 / sqrt(ni - 3)) + rnorm(m, 0, 0.05)[cl], vi = 1 / (ni - 3), cluster = cl * 7 + 3)
case("two_per_cluster_ee", "intercept only, EE, two rows per cluster, clusters unsorted (k = 30, m = 15)", dat, NULL, "EE", calls(NULL, "EE"))

# (c) meta-regression, continuous + binary moderator, REML, clusters of 1 to 4 rows
set.seed(3)
sizes <- c(1, 2, 3, 4, 1, 2, 3, 1, 2, 4, 1, 3, 2, 2, 1, 3)
cl <- rep(seq_along(sizes), sizes)
k <- length(cl)
age <- round(rnorm(length(sizes), 40, 10), 1)[cl]
rated <- as.integer(runif(k) < 0.5)
vi <- runif(k, 0.005, 0.04)
dat <- data.frame(yi = 0.1 + 0.004 * (age - 40) + 0.08 * rated + rnorm(length(sizes), 0, 0.08)[cl] + rnorm(k, 0, sqrt(vi)),
                  vi = vi, age = age, rated = rated, cluster = cl)
case("metaregression_reml", "mods = ~ age + rated, REML, clusters of 1 to 4 rows (k = 35, m = 16)", dat, ~ age + rated, "REML",
     calls(~ age + rated, "REML"))

# (d) the paired design: 30 studies, adjusted and unadjusted Fisher z of each, mods = ~ adjusted
set.seed(4)
s <- 30
n <- round(exp(rnorm(s, log(120), 0.5))) + 20
z_u <- atanh(0.25) + rnorm(s, 0, 0.08) + rnorm(s, 0, 1 / sqrt(n - 3))
z_a <- z_u - 0.03 + rnorm(s, 0, 0.5 / sqrt(n - 5))
dat <- data.frame(yi = c(z_u, z_a), vi = c(1 / (n - 3), 1 / (n - 5)), adjusted = rep(0:1, each = s), cluster = rep(1:s, 2))
case("paired_reml", "paired design: unadjusted and adjusted z of 30 studies, mods = ~ adjusted, REML", dat, ~ adjusted, "REML",
     calls(~ adjusted, "REML"))
case("paired_ee", "paired design: unadjusted and adjusted z of 30 studies, mods = ~ adjusted, EE", dat, ~ adjusted, "EE",
     calls(~ adjusted, "EE"))

# (e) a small case, m = 5 clusters
set.seed(5)
cl <- c(1, 1, 2, 3, 3, 3, 4, 5, 5)
vi <- runif(9, 0.01, 0.05)
dat <- data.frame(yi = rnorm(9, 0.3, sqrt(vi + 0.01)), vi = vi, cluster = cl)
case("small_m5_reml", "intercept only, REML, m = 5 clusters of 1 to 3 rows", dat, NULL, "REML", calls(NULL, "REML"))

# (f) the paired comparison as EstimateComparison.pairedRobust computes it: the within-study
# differences d = z_a - z_u with working variance v_a + v_u - 2 rho sqrt(v_a v_u), rho = .8,
# pooled (REML and EE), each study its own cluster.
set.seed(6)
s <- 25
n <- round(exp(rnorm(s, log(120), 0.5))) + 20
z_u <- atanh(0.25) + rnorm(s, 0, 0.08) + rnorm(s, 0, 1 / sqrt(n - 3))
z_a <- z_u - 0.03 + rnorm(s, 0, 0.3 / sqrt(n - 5))
va <- 1 / (n - 5); vu <- 1 / (n - 3)
for (method in c("REML", "EE")) {
  dat <- data.frame(yiA = z_a, viA = va, yiB = z_u, viB = vu, rho = 0.8,
                    yi = z_a - z_u, vi = va + vu - 2 * 0.8 * sqrt(va * vu), cluster = 1:s)
  case(paste0("differences_", tolower(method)),
       paste0("paired differences z_a - z_u, working correlation .8, ", method, ", one cluster per study"),
       dat, NULL, method, c("dat$yi <- dat$yiA - dat$yiB; dat$vi <- dat$viA + dat$viB - 2 * dat$rho * sqrt(dat$viA * dat$viB)",
                            calls(NULL, method)))
}

# (g) singular I - H_jj: cluster 1 (two rows) alone has moderator 'special', cluster 2 (one
# row) alone has 'alone' (leverage 1, A_j = 0); clubSandwich's Moore-Penrose inverse square root
set.seed(7)
sizes <- c(2, 1, 3, 2, 2, 1, 3, 2, 1, 2, 3, 1)
cl <- rep(seq_along(sizes), sizes)
k <- length(cl)
vi <- runif(k, 0.01, 0.05)
x <- round(rnorm(k, 0, 1), 2)
dat <- data.frame(yi = 0.2 + 0.1 * x + rnorm(k, 0, sqrt(vi + 0.01)), vi = vi, x = x, special = as.integer(cl == 1),
                  alone = as.integer(cl == 2), cluster = cl)
case("singular_leverage_reml", "mods = ~ x + special + alone, REML; 'special' only in cluster 1 (2 rows), 'alone' only in cluster 2 (1 row, leverage 1)",
     dat, ~ x + special + alone, "REML", calls(~ x + special + alone, "REML"))

# (h) CR2 with as many clusters as coefficients (m = p = 3): clubSandwich computes it,
# metafor::robust refuses (m - p = 0), as CR1 does
set.seed(8)
cl <- rep(1:3, c(3, 4, 3))
k <- length(cl)
vi <- runif(k, 0.01, 0.05)
x <- round(rnorm(k), 2); z <- round(rnorm(k), 2)
dat <- data.frame(yi = 0.2 + 0.1 * x + rnorm(k, 0, sqrt(vi)), vi = vi, x = x, z = z, cluster = cl)
case("cr2_m_equals_p_ee", "mods = ~ x + z, EE, m = p = 3 clusters: CR2 only (clubSandwich; metafor::robust refuses m <= p)",
     dat, ~ x + z, "EE",
     c("fit <- rma(yi, vi, mods = ~x + z, data = dat, method = \"EE\", control = list(threshold = 1e-12, maxiter = 1000))",
       "coef_test(fit, vcov = \"CR2\", cluster = dat$cluster, test = \"Satterthwaite\")   # CR2",
       "conf_int(fit, vcov = \"CR2\", cluster = dat$cluster, test = \"Satterthwaite\")   # CR2 intervals"),
     with.cr1 = FALSE)
