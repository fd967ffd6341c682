# Reference values for the step-function selection models (SelectionModel) and PET-PEESE
# (PetPeese): core/src/test/resources/selection/*.json.
# Run from the repository root:  Rscript core/src/test/r/selection-reference.R
# Needs metafor 3.8-1 (Debian r-cran-metafor) and jsonlite.
#
# selmodel's optimiser (optim BFGS) differentiates numerically with steps ndeps = 1e-3 and stops
# at reltol = 1e-8 by default, which leaves the estimate 1e-5 to 1e-3 (relative) from the maximum
# of the likelihood; the references are therefore computed with a tight optimiser control,
# control = list(reltol = 1e-14, maxit = 10000, ndeps = rep(1e-5, P)) (P = 2 + the number of
# intervals, the length of optim's parameter vector), recorded in each file's calls, and the
# default-control values are stored beside them (expected_default_control) to show the spread.
suppressPackageStartupMessages({library(metafor); library(jsonlite)})
out <- "core/src/test/resources/selection"
src <- paste0("R ", R.version$major, ".", R.version$minor, ", metafor ", packageVersion("metafor"))
tight_for <- function(steps) {
  nint <- length(unique(c(sort(steps), 1)))
  list(reltol = 1e-14, maxit = 10000, ndeps = rep(1e-5, 2 + nint))
}

golden <- function(f) {
  d <- fromJSON(file.path("core/src/test/resources/golden", paste0(f, ".json")))
  data.frame(yi = d$studies$yi_ZCOR, vi = d$studies$vi_ZCOR)
}

# alliance-like Fisher z values with selection of significant positive results: every study
# with one-sided p <= .025 is published, the others with probability 'keep'
selected <- function(seed, k, mu = 0.1, tau = 0.1, keep = 0.2) {
  set.seed(seed)
  yi <- numeric(0); vi <- numeric(0)
  while (length(yi) < k) {
    n <- round(exp(rnorm(1, log(80), 0.6))) + 10
    v <- 1 / (n - 3)
    y <- rnorm(1, mu, tau) + rnorm(1, 0, sqrt(v))
    if (pnorm(y / sqrt(v), lower.tail = FALSE) <= 0.025 || runif(1) < keep) {
      yi <- c(yi, y); vi <- c(vi, v)
    }
  }
  data.frame(yi = yi, vi = vi)
}

sel_values <- function(s) list(
  beta = c(s$beta), se = s$se, zval = s$zval, pval = s$pval, ci_lb = s$ci.lb, ci_ub = s$ci.ub,
  tau2 = s$tau2, se_tau2 = s$se.tau2, delta = s$delta, se_delta = s$se.delta,
  zval_delta = s$zval.delta, pval_delta = s$pval.delta, ci_lb_delta = s$ci.lb.delta, ci_ub_delta = s$ci.ub.delta,
  k_interval = s$ptable$k, ll = s$ll, ll0 = s$ll0, LRT = s$LRT, LRTdf = s$LRTdf, LRTp = s$LRTp)

# method: the rma method of the input model (selmodel refits REML as ML; EE keeps tau2 = 0)
selcase <- function(name, description, dat, steps, method = "REML", alternative = "greater", extra = NULL) {
  res <- rma(yi, vi, data = dat, method = method)
  alt <- if (alternative == "greater") "" else sprintf(", alternative = \"%s\"", alternative)
  tight <- tight_for(steps)
  ctl <- sprintf("control = list(reltol = 1e-14, maxit = 10000, ndeps = rep(1e-5, %d))", length(tight$ndeps))
  call <- sprintf("selmodel(rma(yi, vi, data = dat, method = \"%s\"), type = \"stepfun\", steps = %s%s, %s)",
                  method, deparse(steps), alt, ctl)
  out.list <- list(name = name, description = description, source = src, method = method,
                   alternative = alternative, steps = steps, data = dat)
  s <- try(selmodel(res, type = "stepfun", steps = steps, alternative = alternative, control = tight), silent = TRUE)
  if (inherits(s, "try-error")) {
    out.list$calls <- call
    out.list$error <- conditionMessage(attr(s, "condition"))
  } else {
    s0 <- selmodel(res, type = "stepfun", steps = steps, alternative = alternative)
    out.list$calls <- c(call, sub(paste0(", ", ctl), "", call, fixed = TRUE))
    out.list$expected <- sel_values(s)
    out.list$expected_default_control <- sel_values(s0)
    if (!is.null(extra)) out.list <- c(out.list, extra(res, s))
  }
  write(toJSON(out.list, digits = NA, pretty = TRUE, auto_unbox = TRUE, na = "null"),
        file.path(out, paste0("selmodel_", name, ".json")))
}

molloy <- golden("molloy2014"); cohen <- golden("cohen1981"); craft <- golden("craft2003_acog")
crede <- golden("crede2010_grade"); k300 <- golden("synthetic_k300")
sel66 <- selected(66, 66); sel300 <- selected(300, 300)

selcase("molloy2014_3psm", "dat.molloy2014 (ZCOR), 3PSM (steps .025)", molloy, 0.025)
selcase("molloy2014_4step", "dat.molloy2014 (ZCOR), four intervals (steps .025, .1, .5)", molloy, c(0.025, 0.1, 0.5))
selcase("molloy2014_5step_ee", "dat.molloy2014 (ZCOR), common effect (EE), steps .01, .025, .05, .5", molloy, c(0.01, 0.025, 0.05, 0.5), method = "EE")
selcase("craft2003_3psm", "dat.craft2003 (ZCOR, cognitive anxiety), 3PSM, k = 10", craft, 0.025)
selcase("crede2010_3psm", "dat.crede2010 (ZCOR, grade), 3PSM, k = 67", crede, 0.025)
selcase("crede2010_5step", "dat.crede2010 (ZCOR, grade), steps .01, .025, .05, .5", crede, c(0.01, 0.025, 0.05, 0.5))
selcase("crede2010_two_sided", "dat.crede2010 (ZCOR, grade), two-sided steps .05, .5", crede, c(0.05, 0.5), alternative = "two.sided")
selcase("molloy2014_less", "dat.molloy2014 (ZCOR), alternative = \"less\", steps .5", molloy, 0.5, alternative = "less")
selcase("synthetic_k300_3psm", "synthetic k = 300 (ZCOR), 3PSM", k300, 0.025)
selcase("synthetic_k300_empty_interval", "synthetic k = 300: no p-value in (.5, 1], metafor refuses", k300, c(0.025, 0.5))
selcase("selected_k66_3psm", "simulated alliance-like z (mu = .1, tau = .1), p <= .025 always published, others with probability .2; k = 66", sel66, 0.025)
selcase("selected_k66_4step", "the same k = 66 data, steps .025, .1, .5", sel66, c(0.025, 0.1, 0.5))
selcase("selected_k300_3psm", "simulated as selected_k66 with k = 300", sel300, 0.025)
# tau2 at its boundary: the free fit creeps towards 0 (exp parametrisation); tau2 = 0 fixed
# gives the boundary maximum exactly
selcase("cohen1981_3psm_tau2_boundary", "dat.cohen1981 (ZCOR), steps .025, .5: the ML tau2 is 0", cohen, c(0.025, 0.5),
        extra = function(res, s) {
          f <- selmodel(res, type = "stepfun", steps = c(0.025, 0.5), tau2 = 0, control = tight_for(c(0.025, 0.5)))
          list(calls_tau2_fixed = "selmodel(rma(yi, vi, data = dat, method = \"REML\"), type = \"stepfun\", steps = c(0.025, 0.5), tau2 = 0, control = list(reltol = 1e-14, maxit = 10000, ndeps = rep(1e-5, 5)))",
               expected_tau2_fixed = list(beta = c(f$beta), se = f$se, delta = f$delta, se_delta = f$se.delta, ll = f$ll, LRT = f$LRT))
        })

# a weight at its upper bound (delta.max = 100): one significant result and 60 studies just
# short of significance (one-sided z = 1.9 +- .05), which delta_2 = 1 cannot explain
set.seed(14)
n <- round(exp(rnorm(61, log(80), 0.5))) + 10
v <- 1 / (n - 3)
bound <- data.frame(yi = c(2.6, 1.9 + runif(60, -0.05, 0.05)) * sqrt(v), vi = v)
selcase("delta_upper_bound", "k = 61: one p <= .025, 60 with one-sided z in 1.9 +- .05: delta_2 at metafor's delta.max = 100, tau2 at 0", bound, 0.025)

# ---- PET-PEESE -------------------------------------------------------------------------
pp_values <- function(fit) list(beta = c(fit$beta), se = fit$se, zval = fit$zval, pval = fit$pval,
                                ci_lb = fit$ci.lb, ci_ub = fit$ci.ub, tau2 = fit$tau2)
ppcase <- function(name, description, dat, method = "REML") {
  pet <- rma(yi, vi, mods = ~ sqrt(vi), data = dat, method = method, control = list(threshold = 1e-12, maxiter = 1000))
  peese <- rma(yi, vi, mods = ~ vi, data = dat, method = method, control = list(threshold = 1e-12, maxiter = 1000))
  res <- list(name = name, description = description, source = src, method = method,
              calls = c(sprintf("pet <- rma(yi, vi, mods = ~ sqrt(vi), data = dat, method = \"%s\", control = list(threshold = 1e-12, maxiter = 1000))", method),
                        sprintf("peese <- rma(yi, vi, mods = ~ vi, data = dat, method = \"%s\", control = list(threshold = 1e-12, maxiter = 1000))", method),
                        "conditional: if (pet$pval[1] < .05) peese else pet"),
              data = dat, pet = pp_values(pet), peese = pp_values(peese),
              chosen = if (pet$pval[1] < 0.05) "PEESE" else "PET")
  write(toJSON(res, digits = NA, pretty = TRUE, auto_unbox = TRUE, na = "null"),
        file.path(out, paste0("petpeese_", name, ".json")))
}
ppcase("molloy2014", "dat.molloy2014 (ZCOR)", molloy)
ppcase("cohen1981", "dat.cohen1981 (ZCOR)", cohen)
ppcase("crede2010", "dat.crede2010 (ZCOR, grade)", crede)
ppcase("synthetic_k300", "synthetic k = 300 (ZCOR)", k300)
ppcase("selected_k66", "simulated with selection (as selmodel_selected_k66_3psm)", sel66)
ppcase("selected_k66_ee", "the same, common-effect (EE) meta-regressions", sel66, method = "EE")
