#!/usr/bin/env bash
# Side by side with R metafor, in one run on the same inputs.
#
# 1. Pooling: times rma() with DL and REML at k = 16 (molloy2014), 300 and 1,000 (synthetic,
#    generated once from a fixed seed and written to a temporary CSV that both sides read), and
#    alliance-lab's RandomEffectsModel on the same files in one warmed-up JVM (PoolingTimer).
#    Both sides iterate to the same convergence threshold (THRESHOLD, MAXITER below).
# 2. Simulation: one replication of the built-in `causal` scenario (first grid condition),
#    written in R (compare/causal-replication.R: patient-level generation and the REML analyses
#    with metafor) against the simulator's replication with each engine (ReplicationTimer).
#    Checks that R computes the same population values (truth) and that our REML on the data of
#    R's last replication gives metafor's estimates.
# 3. Selection models: metafor's selmodel(rma(yi, vi), type = "stepfun", steps = .025) (the 3PSM,
#    default control, as users run it; compare/time-selmodel.R) against SelectionModel.threeParameter()
#    (SelectionTimer) at k = 66 and 300: the studies simulated with selection of core's reference
#    files selection/selmodel_selected_k{66,300}_3psm.json. The check is against metafor run with a
#    tight optimiser control (its default stops 1e-5 to 1e-3 from the maximum); the default call's
#    distance is printed.
# Prints the medians and the ratio R / ours, and fails (exit 1) when an estimate, tau^2 or truth
# differs by more than 1e-6.
#
# Usage: benchmarks/compare-metafor.sh [all|selection]   (from anywhere; all takes a few minutes,
#        selection only the selection models)
# Needs: Java 17; R with metafor and jsonlite (installs Debian's r-cran-metafor and
#        r-cran-jsonlite with apt-get when missing); builds benchmarks/target/benchmarks.jar
#        with Maven when it is missing.
set -euo pipefail
PART="${1:-all}"
case "$PART" in all|selection) ;; *) echo "usage: compare-metafor.sh [all|selection]" >&2; exit 2 ;; esac

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
JAR="benchmarks/target/benchmarks.jar"
THRESHOLD=1e-8
MAXITER=1000
TOLERANCE=1e-6

die() { echo "compare-metafor.sh: $*" >&2; exit 1; }

# 1. R, metafor and jsonlite.
R_CHECK='suppressPackageStartupMessages({ library(metafor); library(jsonlite) })'
if ! Rscript -e "$R_CHECK" >/dev/null 2>&1; then
  echo "R, metafor or jsonlite is missing: installing Debian's r-cran-metafor and r-cran-jsonlite with apt-get" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "R/metafor missing and not root (no sudo): install r-cran-metafor"
    SUDO="sudo"
  fi
  command -v apt-get >/dev/null 2>&1 || die "R/metafor missing and apt-get not found: install R and the metafor package"
  { $SUDO apt-get update \
      && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y r-cran-metafor r-cran-jsonlite; } >&2 \
    || die "apt-get could not install r-cran-metafor and r-cran-jsonlite: install R with the metafor and jsonlite packages, then rerun"
  Rscript -e "$R_CHECK" >/dev/null 2>&1 \
    || die "r-cran-metafor and r-cran-jsonlite installed but loading them still fails in Rscript"
fi

# 2. Our jar.
if [ ! -f "$JAR" ]; then
  echo "building $JAR (mvn package)" >&2
  mvn -B -q -DskipTests package -pl benchmarks -am >&2 || die "mvn package failed"
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo
echo "R $(Rscript -e 'cat(R.version$major, R.version$minor, sep=".")') metafor $(Rscript -e 'cat(as.character(packageVersion("metafor")))'), $(java -version 2>&1 | head -1), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
if [ "$PART" = all ]; then
# 3. Inputs. molloy2014: the Fisher z values metafor's escalc computed (golden reference file).
GOLDEN="core/src/test/resources/golden/molloy2014.json"
[ -f "$GOLDEN" ] || die "missing $GOLDEN"
paste -d, \
  <(grep -o '"yi_ZCOR": *[-0-9.eE+]*' "$GOLDEN" | sed 's/.*: *//') \
  <(grep -o '"vi_ZCOR": *[-0-9.eE+]*' "$GOLDEN" | sed 's/.*: *//') \
  | { echo "yi,vi"; cat; } > "$TMP/molloy2014.csv"
[ "$(wc -l < "$TMP/molloy2014.csv")" -eq 17 ] || die "expected 16 studies in $GOLDEN"
# Synthetic: Fisher z of correlations, true z ~ N(0.28, 0.1^2), n log-normal with median 80.
Rscript - "$TMP" <<'RSCRIPT' || die "could not generate the synthetic inputs"
out <- commandArgs(trailingOnly = TRUE)[1]
set.seed(20261126)
for (k in c(300, 1000)) {
  n <- pmax(10, round(80 * exp(0.8 * rnorm(k))))
  vi <- 1 / (n - 3)
  yi <- 0.28 + 0.1 * rnorm(k) + sqrt(vi) * rnorm(k)
  write.csv(data.frame(yi = sprintf("%.17g", yi), vi = sprintf("%.17g", vi)),
            file.path(out, sprintf("synthetic_k%d.csv", k)), row.names = FALSE, quote = FALSE)
}
RSCRIPT
FILES=("$TMP/molloy2014.csv" "$TMP/synthetic_k300.csv" "$TMP/synthetic_k1000.csv")

# 4. Time R, then ours (one after the other: the machine may have only two cores).
echo "timing R metafor $(Rscript -e 'cat(as.character(packageVersion("metafor")))') ..." >&2
Rscript benchmarks/compare/time-metafor.R "$THRESHOLD" "$MAXITER" "${FILES[@]}" > "$TMP/r.tsv" \
  || die "R timing failed"
echo "timing alliance-lab ..." >&2
java -cp "$JAR" org.alliancelab.benchmarks.compare.PoolingTimer "$THRESHOLD" "$MAXITER" "${FILES[@]}" > "$TMP/java.tsv" \
  || die "Java timing failed"
SCENARIO="simulate/simulator/src/main/resources/scenarios/causal.json"
[ -f "$SCENARIO" ] || die "missing $SCENARIO"
mkdir "$TMP/causal"
echo "timing one replication of the causal scenario in R ..." >&2
Rscript benchmarks/compare/causal-replication.R "$SCENARIO" "$TMP/causal" "$THRESHOLD" > "$TMP/r-causal.tsv" \
  || die "R replication failed"
echo "timing one replication of the causal scenario with alliance-lab ..." >&2
java -cp "$JAR" org.alliancelab.benchmarks.compare.ReplicationTimer "$THRESHOLD" "$TMP/causal" > "$TMP/java-causal.tsv" \
  || die "Java replication failed"

# 5. Join, print, check.
echo
echo "convergence threshold $THRESHOLD on both sides; medians of per-fit times"
awk -F'\t' -v tol="$TOLERANCE" '
  function fmt(s) {
    if (s >= 1) return sprintf("%.3f s", s)
    if (s >= 1e-3) return sprintf("%.3f ms", s * 1e3)
    return sprintf("%.3f us", s * 1e6)
  }
  function abs(x) { return x < 0 ? -x : x }
  NR == FNR { key = $1 SUBSEP $2; rt[key] = $3; rest[key] = $4; rtau[key] = $6; order[++n] = key; next }
  {
    key = $1 SUBSEP $2; seen[key] = 1
    if (!(key in rt)) { print "no R result for " $1 " " $2 > "/dev/stderr"; bad = 1; next }
    de = abs(rest[key] - $4); dt = abs(rtau[key] - $6)
    flag = (de > tol || dt > tol) ? "  MISMATCH" : ""
    if (flag != "") bad = 1
    line[key] = sprintf("%-16s %-5s %12s %12s %10.0f %10.1e %10.1e %10s%s", $1, $2, fmt(rt[key]), fmt($3),
                        rt[key] / $3, de, dt, ($2 == "DL" ? "-" : $7), flag)
  }
  END {
    printf "%-16s %-5s %12s %12s %10s %10s %10s %10s\n", "data", "tau2", "R metafor", "ours", "R/ours", "|d est|", "|d tau2|", "our iter"
    for (i = 1; i <= n; i++) {
      if (order[i] in line) print line[order[i]]
      else { split(order[i], p, SUBSEP); print "no Java result for " p[1] " " p[2] > "/dev/stderr"; bad = 1 }
    }
    if (bad) { print "compare-metafor.sh: FAILED: estimates differ by more than " tol " (or rows missing)" > "/dev/stderr"; exit 1 }
  }' "$TMP/r.tsv" "$TMP/java.tsv"

echo
echo "One replication of the causal scenario (condition 1; generation and the pooled analyses), medians"
awk -F'\t' -v tol="$TOLERANCE" '
  function fmt(s) {
    if (s >= 1) return sprintf("%.3f s", s)
    if (s >= 1e-3) return sprintf("%.3f ms", s * 1e3)
    return sprintf("%.3f us", s * 1e6)
  }
  function abs(x) { return x < 0 ? -x : x }
  function check(what, a, b) {
    if (abs(a - b) > tol) { printf "MISMATCH %s: R %s, ours %s\n", what, a, b > "/dev/stderr"; bad = 1 }
  }
  NR == FNR {
    if ($1 == "truth") { ru = $2; ra = $3 }
    if ($1 == "replication") rt = $3
    if ($1 == "pooled") { re[$2] = $3; rtau[$2] = $4 }
    next
  }
  $1 == "truth" { check("truth unadjusted", ru, $2); check("truth adjusted", ra, $3) }
  $1 == "replication" { engine[++n] = $2; jt[n] = $3 }
  $1 == "pooled" { seen[$2] = 1; check("REML estimate " $2, re[$2], $3); check("REML tau2 " $2, rtau[$2], $4)
                   de = abs(re[$2] - $3); if (de > maxde) maxde = de; dt = abs(rtau[$2] - $4); if (dt > maxdt) maxdt = dt }
  END {
    if (length(seen) != 3) { print "pooled checks missing" > "/dev/stderr"; bad = 1 }
    printf "%-34s %12s %12s %10s\n", "", "R metafor", "ours", "R/ours"
    for (i = 1; i <= n; i++) printf "%-34s %12s %12s %10.0f\n", "replication, " engine[i], fmt(rt), fmt(jt[i]), rt / jt[i]
    printf "same model: truth (unadjusted %.6f, adjusted %.6f) equal to 1e-6; same analyses: REML on R'"'"'s data, max |d est| %.1e, max |d tau2| %.1e\n", ru, ra, maxde, maxdt
    if (bad) { print "compare-metafor.sh: FAILED: the replications do not compute the same thing" > "/dev/stderr"; exit 1 }
  }' "$TMP/r-causal.tsv" "$TMP/java-causal.tsv"
fi

# 6. Selection models (3PSM) at k = 66 and 300.
Rscript - "$TMP" <<'RSCRIPT' || die "could not write the selection-model inputs"
suppressPackageStartupMessages(library(jsonlite))
out <- commandArgs(trailingOnly = TRUE)[1]
for (k in c(66, 300)) {
  d <- fromJSON(sprintf("core/src/test/resources/selection/selmodel_selected_k%d_3psm.json", k))$data
  write.csv(data.frame(yi = sprintf("%.17g", d$yi), vi = sprintf("%.17g", d$vi)),
            file.path(out, sprintf("selected_k%d.csv", k)), row.names = FALSE, quote = FALSE)
}
RSCRIPT
SEL=("$TMP/selected_k66.csv" "$TMP/selected_k300.csv")
echo "timing metafor's selmodel ..." >&2
Rscript benchmarks/compare/time-selmodel.R "${SEL[@]}" > "$TMP/r-sel.tsv" || die "R selmodel timing failed"
echo "timing alliance-lab's SelectionModel ..." >&2
java -cp "$JAR" org.alliancelab.benchmarks.compare.SelectionTimer "${SEL[@]}" > "$TMP/java-sel.tsv" \
  || die "Java selection-model timing failed"
echo
echo "Three-parameter selection model (selmodel(rma(yi, vi), type = \"stepfun\", steps = .025), default control), medians"
awk -F'\t' -v tol="$TOLERANCE" '
  function fmt(s) {
    if (s >= 1) return sprintf("%.3f s", s)
    if (s >= 1e-3) return sprintf("%.3f ms", s * 1e3)
    return sprintf("%.3f us", s * 1e6)
  }
  function abs(x) { return x < 0 ? -x : x }
  NR == FNR { rt[$1] = $3; rest[$1] = $4; rtau[$1] = $6; rdef[$1] = $8; order[++n] = $1; next }
  {
    if (!($1 in rt)) { print "no R result for " $1 > "/dev/stderr"; bad = 1; next }
    de = abs(rest[$1] - $4); dt = abs(rtau[$1] - $6); dd = abs(rdef[$1] - $4)
    flag = (de > tol || dt > tol) ? "  MISMATCH" : ""
    if (flag != "") bad = 1
    line[$1] = sprintf("%-16s %12s %12s %10.0f %10.1e %10.1e %14.1e %10s%s", $1, fmt(rt[$1]), fmt($3), rt[$1] / $3,
                       de, dt, dd, $7, flag)
  }
  END {
    printf "%-16s %12s %12s %10s %10s %10s %14s %10s\n", "data", "R metafor", "ours", "R/ours", "|d est|", "|d tau2|", "|d est| dflt", "our iter"
    for (i = 1; i <= n; i++) if (order[i] in line) print line[order[i]]; else { print "no Java result for " order[i] > "/dev/stderr"; bad = 1 }
    print "|d est|, |d tau2|: against metafor with control = list(reltol = 1e-14, ndeps = rep(1e-5, 4)); dflt: against its default control"
    if (bad) { print "compare-metafor.sh: FAILED: the selection models differ by more than " tol > "/dev/stderr"; exit 1 }
  }' "$TMP/r-sel.tsv" "$TMP/java-sel.tsv"
