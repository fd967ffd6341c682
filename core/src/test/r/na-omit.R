# Reference values for missing moderator values (core/src/test/resources/naomit/): metafor's
# default na.action = "na.omit" leaves a study with a missing moderator out of the models that use
# that moderator. The data set is molloy2014 (examples/molloy2014.csv) with some cells blanked: an
# empty cell and an "NA" cell in the numeric moderator meanage, in the categorical moderator design
# and in a cluster column lab. The script writes that CSV file and reads it back exactly as the
# command line gets it, so R and Java see the same file.
# Run from the repository root:  Rscript core/src/test/r/na-omit.R
# Needs metafor (3.8-1) and jsonlite (Debian r-cran-metafor, r-cran-jsonlite).
suppressPackageStartupMessages({library(metafor); library(jsonlite)})
out <- "core/src/test/resources/naomit"
dir.create(out, showWarnings = FALSE)

d0 <- read.csv("examples/molloy2014.csv", stringsAsFactors = FALSE)
d0$lab <- c("A", "A", "B", "C", "B", "C", "D", "D", "", "E", "E", "F", "F", "G", "G", "G")
d0$meanage <- as.character(d0$meanage)
d0$meanage[4] <- ""      # Christensen et al. 1999: empty cell
d0$meanage[9] <- "NA"    # Insel et al. 2006: NA
d0$design[6] <- ""       # Cohen et al. 2004
d0$design[13] <- "NA"    # Penedo et al. 2003
csv <- file.path(out, "molloy2014_na.csv")
write.csv(d0, csv, row.names = FALSE, quote = c(1, 4, 5, 8), na = "NA")

# empty cells and "NA" are missing in every column, as the command line reads them
d <- read.csv(csv, na.strings = c("", "NA"), stringsAsFactors = FALSE)
d <- escalc(measure = "ZCOR", ri = r, ni = n, data = d)
ctrl <- list(threshold = 1e-12, maxiter = 10000, tol = 1e-12)
source <- paste0("R ", R.version$major, ".", R.version$minor, ", metafor ", packageVersion("metafor"))

fitted <- function(fit) list(
  k = fit$k, k_all = fit$k.all,
  omitted = I(which(!fit$not.na)),   # 1-based data rows metafor left out (always an array)
  coef_names = rownames(fit$beta), coef = as.numeric(fit$beta), se = fit$se, pval = fit$pval,
  tau2 = fit$tau2, se_tau2 = fit$se.tau2, I2 = fit$I2, H2 = fit$H2, QE = fit$QE, QEp = fit$QEp,
  QM = fit$QM, QMp = fit$QMp, R2 = if (is.null(fit$R2)) NA else fit$R2)

cases <- list()
for (method in c("REML", "DL")) {
  # meta-regression on a numeric and a categorical moderator: rows 4, 6, 9, 13 left out
  call <- sprintf("rma(yi, vi, mods = ~ meanage + factor(design), data = d, method = \"%s\", control = ctrl)", method)
  fit <- rma(yi, vi, mods = ~ meanage + factor(design), data = d, method = method, control = ctrl)
  cases[[length(cases) + 1]] <- list(kind = "metareg", method = method, mods = "meanage,design", call = call,
                                     expected = fitted(fit))

  # the factor alone: rows 6 and 13 left out; with z tests its QM is pool --by's common-tau2 Q-between
  call <- sprintf("rma(yi, vi, mods = ~ factor(design), data = d, method = \"%s\", control = ctrl)", method)
  fit <- rma(yi, vi, mods = ~ factor(design), data = d, method = method, control = ctrl)
  cases[[length(cases) + 1]] <- list(kind = "metareg", method = method, mods = "design", call = call,
                                     expected = fitted(fit))

  # the subgroups: one fit per level on the studies of that level (a missing level is in none)
  levels <- sort(unique(na.omit(d$design)))
  groups <- lapply(levels, function(l) {
    g <- rma(yi, vi, data = d, subset = !is.na(design) & design == l, method = method, control = ctrl)
    list(level = l, k = g$k, estimate = as.numeric(g$beta), se = g$se, pval = g$pval, tau2 = g$tau2,
         QE = g$QE, QEp = g$QEp, I2 = g$I2)
  })
  est <- sapply(groups, `[[`, "estimate")
  sei <- sapply(groups, `[[`, "se")
  qb <- rma(est, sei = sei, method = "EE")
  cases[[length(cases) + 1]] <- list(kind = "subgroups", method = method, by = "design",
    call = c(sprintf("rma(yi, vi, data = d, subset = !is.na(design) & design == LEVEL, method = \"%s\", control = ctrl)",
                     method),
             "Qbetween: rma(estimate, sei = se, method = \"EE\")$QE over the subgroup fits"),
    expected = list(k = sum(!is.na(d$design)), omitted = which(is.na(d$design)), groups = groups,
                    Qbetween = qb$QE, Qbetween_df = length(levels) - 1, Qbetween_p = qb$QEp))
}

# cluster-robust inference on a meta-regression: robust() takes the clusters of the studies the
# model kept (cluster[x$not.na]), so the missing lab of row 9, left out for its meanage, is no error
fit <- rma(yi, vi, mods = ~ meanage, data = d, method = "REML", control = ctrl)
rob <- robust(fit, cluster = d$lab, adjust = TRUE)
cases[[length(cases) + 1]] <- list(kind = "robust", method = "REML", mods = "meanage", cluster = "lab",
  call = c("fit <- rma(yi, vi, mods = ~ meanage, data = d, method = \"REML\", control = ctrl)",
           "robust(fit, cluster = d$lab, adjust = TRUE)   # CR1"),
  expected = c(fitted(fit), list(robust = list(clusters = rob$n, coef = as.numeric(rob$beta), se = rob$se,
                                                tval = rob$zval, df = rob$dfs, pval = rob$pval))))

# a level only in a study left out, and the reference level at that: metafor builds the model matrix
# from every row and drops the redundant column (here factor(g)c, so b is coded against c), the
# command line codes the levels of the studies kept (c against b): the same fit, tau2, QM, QE
e0 <- data.frame(yi = c(0.1, 0.3, 0.2, 0.4, 0.25, 0.15, 0.22), vi = c(0.01, 0.02, 0.015, 0.01, 0.02, 0.03, 0.02),
                 g = c("a", "b", "c", "b", "c", "b", "c"), x = c(NA, 1, 2, 3, 4, 5, 6))
ecsv <- file.path(out, "reflevel_na.csv")
write.csv(e0, ecsv, row.names = FALSE, quote = FALSE, na = "NA")
e <- read.csv(ecsv, na.strings = c("", "NA"), stringsAsFactors = FALSE)
call <- "rma(yi, vi, mods = ~ x + factor(g), data = e, method = \"DL\")"
fit <- rma(yi, vi, mods = ~ x + factor(g), data = e, method = "DL")
# the kept rows' own coding, the command line's: same model, so the same tau2 and tests
kept <- rma(yi, vi, mods = ~ x + factor(g), data = e[!is.na(e$x), ], method = "DL")
stopifnot(isTRUE(all.equal(kept$tau2, fit$tau2)), isTRUE(all.equal(kept$QM, fit$QM)),
          isTRUE(all.equal(kept$QE, fit$QE)), isTRUE(all.equal(as.numeric(fitted.values(kept)), as.numeric(fitted.values(fit)))))
expected <- fitted(fit)
expected$coded_as_kept <- list(call = "rma(yi, vi, mods = ~ x + factor(g), data = e[!is.na(e$x), ], method = \"DL\")",
                               coef_names = rownames(kept$beta), coef = as.numeric(kept$beta), se = kept$se,
                               pval = kept$pval)
cases[[length(cases) + 1]] <- list(kind = "metareg", input = "reflevel_na.csv", method = "DL", mods = "x,g",
                                   call = c("e <- read.csv(\"reflevel_na.csv\", na.strings = c(\"\", \"NA\"))", call),
                                   expected = expected)

res <- list(
  description = paste("molloy2014 with missing moderator values: meanage empty in row 4 and NA in row 9,",
                      "design empty in row 6 and NA in row 13, lab empty in row 9; ZCOR"),
  source = source,
  setup = c("d <- read.csv(\"molloy2014_na.csv\", na.strings = c(\"\", \"NA\"), stringsAsFactors = FALSE)",
            "d <- escalc(measure = \"ZCOR\", ri = r, ni = n, data = d)",
            "ctrl <- list(threshold = 1e-12, maxiter = 10000, tol = 1e-12)"),
  input = "molloy2014_na.csv",
  cases = cases)
write(toJSON(res, digits = NA, pretty = TRUE, auto_unbox = TRUE, na = "null"), file.path(out, "molloy2014_na.json"))
