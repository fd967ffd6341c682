#!/usr/bin/env bash
# Runs the JMH benchmarks with short but honest settings and prints the tables of
# docs/performance.md (Markdown on stdout, JMH's own output on stderr):
#   A. pooling, JMH average time (mean +- 99.9% error) and as multiples of the floor measured in
#      the same JMH run; REML's time per study and pass;
#   B. the targets' cases again in JMH sample mode: the median and the fastest single operation,
#      which other processes' load (time slicing) inflates far less than the average;
#   C. allocation per operation (-prof gc, k = 300);
#   D. effect sizes per study; E. meta-regression; F. the simulator (sample mode too);
#   G. the special functions behind a fit's p-values and quantiles, with their allocation.
#
# Usage: benchmarks/run-benchmarks.sh [OUTDIR]   (about 20 minutes; raw JMH CSV files go to
#        OUTDIR, default a temporary directory). Builds benchmarks/target/benchmarks.jar with
#        Maven when it is missing. Single-threaded numbers: run on an idle machine when you can.
#        benchmarks/run-benchmarks.sh --tables OUTDIR   prints the tables of an earlier run.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
JAR="benchmarks/target/benchmarks.jar"
RUN=1
if [ "${1:-}" = "--tables" ]; then
  RUN=0
  OUT="${2:?usage: run-benchmarks.sh --tables OUTDIR}"
else
  OUT="${1:-$(mktemp -d)}"
fi
mkdir -p "$OUT"
if [ ! -f "$JAR" ]; then
  mvn -B -q -DskipTests package -pl benchmarks -am >&2
fi
jmh() { java -jar "$JAR" "$@" >&2; }
PKG='org\.alliancelab\.benchmarks'
POOLING="$PKG\.pooling\.(PoolingBenchmark|FloorBenchmark)\."
SHORT=(-f 1 -wi 3 -w 1 -i 5 -r 1)

if [ "$RUN" = 1 ]; then
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(java -version 2>&1 | head -1), load average at start $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')" > "$OUT/machine.txt"

# A. Pooling and floor in the same JMH run (k = 1,000,000 takes milliseconds per operation:
#    2 + 3 iterations).
jmh "$POOLING" -p k=16,300,10000 "${SHORT[@]}" -rf csv -rff "$OUT/pooling.csv"
jmh "$POOLING" -p k=1000000 -f 1 -wi 2 -w 1 -i 3 -r 1 -rf csv -rff "$OUT/pooling-1e6.csv"
java -cp "$JAR" org.alliancelab.benchmarks.pooling.IterationCounts > "$OUT/iterations.tsv"
# B. The targets' cases in sample mode.
jmh "$PKG\.pooling\.(PoolingBenchmark\.fitWorkspace|FloorBenchmark\.)" -bm sample -p k=300,1000000 \
  -p estimator=DL,REML -p test=Z "${SHORT[@]}" -rf csv -rff "$OUT/targets.csv"
# C. Allocation per operation at k = 300.
jmh "$PKG\.pooling\.PoolingBenchmark\." -p k=300 -f 1 -wi 2 -w 1 -i 2 -r 1 -prof gc -rf csv -rff "$OUT/alloc.csv"
# D. Effect sizes per study. E. Meta-regression.
jmh "$PKG\.effectsize\." "${SHORT[@]}" -rf csv -rff "$OUT/effectsize.csv"
jmh "$PKG\.regression\." "${SHORT[@]}" -rf csv -rff "$OUT/regression.csv"
# F. Simulator.
if java -jar "$JAR" -l | grep -q '\.simulation\.'; then
  jmh "$PKG\.simulation\.ReplicationBenchmark\." "${SHORT[@]}" -rf csv -rff "$OUT/replication.csv"
  jmh "$PKG\.simulation\.ReplicationBenchmark\." -bm sample "${SHORT[@]}" -rf csv -rff "$OUT/replication-sample.csv"
  jmh "$PKG\.simulation\.SimulateBenchmark\." -f 1 -wi 3 -w 2 -i 5 -r 2 -rf csv -rff "$OUT/simulate.csv"
fi

# G. Special functions.
jmh "$PKG\.pooling\.TailProbabilityBenchmark\." -f 1 -wi 2 -w 1 -i 3 -r 1 -prof gc -rf csv -rff "$OUT/tail.csv"

echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
fi

cat "$OUT/machine.txt"
echo
# JMH CSV: Benchmark, Mode, Threads, Samples, Score, Error, Unit, then "Param: ..." columns in
# alphabetical order. Lines end in CRLF.
TIME='function t(ns) { return ns >= 1e6 ? sprintf("%.2f ms", ns / 1e6) : ns >= 1e3 ? sprintf("%.2f us", ns / 1e3) : sprintf("%.0f ns", ns) }
      function te(ns, e) { return ns >= 1e6 ? sprintf("%.2f ± %.2f ms", ns / 1e6, e / 1e6) : ns >= 1e3 ? sprintf("%.2f ± %.2f us", ns / 1e3, e / 1e3) : sprintf("%.0f ± %.0f ns", ns, e) }'

echo "A. Pooling: JMH average time (mean ± 99.9% error), multiples of the floor of the same run"
echo
awk -F, -v iters="$OUT/iterations.tsv" "$TIME"'
  BEGIN { while ((getline line < iters) > 0) { split(line, f, "\t"); it[f[1]] = f[2] } }
  FNR == 1 { next }
  { gsub(/["\r]/, ""); if ($1 ~ /:/) next; name = $1; sub(/.*\./, "", name)
    if (name == "weightedSum") { fl[$9] = $5; fle[$9] = $6; next }
    key = $8 SUBSEP $9 SUBSEP $10; score[name, key] = $5; err[name, key] = $6
    if (!(key in seen)) { seen[key] = 1; order[++n] = key } }
  END {
    print "| k | estimator | test | fit(yi, vi, k, workspace) | × floor | fit(yi, vi) | × floor | REML passes | ns per study and pass |"
    print "|---:|---|---|---:|---:|---:|---:|---:|---:|"
    split("16 300 10000 1000000", kk, " ")
    for (j = 1; j <= 4; j++) for (i = 1; i <= n; i++) {
      split(order[i], p, SUBSEP); k = p[2]; if (k != kk[j]) continue
      w = score["fitWorkspace", order[i]]; o = score["fitResult", order[i]]
      passes = p[1] == "REML" ? it[k] + 2 : ""
      printf "| %s | %s | %s | %s | %.1f | %s | %.1f | %s | %s |\n", k, p[1], p[3], te(w, err["fitWorkspace", order[i]]),
        w / fl[k], te(o, err["fitResult", order[i]]), o / fl[k], passes, passes == "" ? "" : sprintf("%.1f", w / (passes * k))
    }
    print ""
    print "| k | floor: one pass Σ yi/vi | per study |"
    print "|---:|---:|---:|"
    for (j = 1; j <= 4; j++) if (kk[j] in fl) printf "| %s | %s | %.2f ns |\n", kk[j], te(fl[kk[j]], fle[kk[j]]), fl[kk[j]] / kk[j]
  }' "$OUT/pooling.csv" "$OUT/pooling-1e6.csv"
echo
echo "REML passes = iterations + 2 (the first pass, one per Fisher-scoring iteration, the final sums); iterations from IterationCounts (threshold 1e-12)."
echo
echo "B. Targets: JMH sample mode, the median (p50) and the fastest (p0) single operation, z test"
echo
awk -F, "$TIME"'
  FNR == 1 { next }
  { gsub(/["\r]/, ""); if ($1 !~ /:p0\.(00|50)$/) next
    q = $1; sub(/.*:/, "", q); name = $1; sub(/:.*/, "", name); sub(/.*\./, "", name)
    if (name == "weightedSum") fl[$9, q] = $5; else v[$8, $9, q] = $5 }
  END {
    print "| k | case | median | × floor median | fastest | × floor fastest |"
    print "|---:|---|---:|---:|---:|---:|"
    split("300 1000000", kk, " "); split("DL REML", es, " ")
    for (j = 1; j <= 2; j++) {
      k = kk[j]
      printf "| %s | floor | %s | 1 | %s | 1 |\n", k, t(fl[k, "p0.50"]), t(fl[k, "p0.00"])
      for (i = 1; i <= 2; i++)
        printf "| %s | %s | %s | %.1f | %s | %.1f |\n", k, es[i], t(v[es[i], k, "p0.50"]), v[es[i], k, "p0.50"] / fl[k, "p0.50"],
          t(v[es[i], k, "p0.00"]), v[es[i], k, "p0.00"] / fl[k, "p0.00"]
    }
  }' "$OUT/targets.csv"
echo
echo "C. Allocation per operation (-prof gc, gc.alloc.rate.norm), k = 300"
echo
awk -F, 'FNR == 1 { next } { gsub(/["\r]/, "") }
  $1 ~ /gc.alloc.rate.norm$/ { name = $1; sub(/:.*/, "", name); sub(/.*\./, "", name); a[name, $8, $10] = $5 }
  END {
    print "| estimator | test | fit(yi, vi, k, workspace) B/op | fit(yi, vi) B/op |"
    print "|---|---|---:|---:|"
    split("EE DL PM REML", es, " "); split("Z KNHA", ts, " ")
    for (i = 1; i <= 4; i++) for (j = 1; j <= 2; j++)
      printf "| %s | %s | %.0f | %.0f |\n", es[i], ts[j], a["fitWorkspace", es[i], ts[j]], a["fitResult", es[i], ts[j]]
  }' "$OUT/alloc.csv"
echo
echo "D. Effect sizes: (r, n) to validated (yi, vi), ns per study (average time)"
echo
awk -F, 'FNR == 1 { print "| method | measure | ns per study |"; print "|---|---|---:|"; next }
  { gsub(/["\r]/, ""); name = $1; sub(/.*\./, "", name); printf "| %s | %s | %.1f ± %.1f |\n", name, $8, $5, $6 }' "$OUT/effectsize.csv"
echo
echo "E. Meta-regression, 3 moderators (p = 4 with the intercept), average time"
echo
awk -F, 'FNR == 1 { print "| k | estimator | time |"; print "|---:|---|---:|"; next }
  { gsub(/["\r]/, ""); printf "| %s | %s | %.1f ± %.1f us |\n", $9, $8, $5, $6 }' "$OUT/regression.csv"
if [ -f "$OUT/simulate.csv" ]; then
  echo
  echo "F. Simulator, average time"
  echo
  awk -F, 'FNR == 1 { next } { gsub(/["\r]/, "") }
    FILENAME ~ /sample/ && $1 ~ /:p0\.50$/ { med[$8] = $5; next }
    FILENAME ~ /sample/ && $1 ~ /:p0\.00$/ { fast[$8] = $5; next }
    FILENAME !~ /sample/ { avg[$8] = $5; err[$8] = $6; sc = $9 }
    END {
      print "| scenario | engine | one replication: average time | median (sample mode) | fastest |"
      print "|---|---|---:|---:|---:|"
      split("PATIENT SUFFICIENT", es, " ")
      for (i = 1; i <= 2; i++) printf "| %s | %s | %.1f ± %.1f us | %.1f us | %.1f us |\n", sc, es[i], avg[es[i]], err[es[i]], med[es[i]], fast[es[i]]
    }' "$OUT/replication.csv" "$OUT/replication-sample.csv"
  echo
  awk -F, 'FNR == 1 { next }
    { gsub(/["\r]/, ""); r = $8; s = $9; th = $10; ms[th] = $5; e[th] = $6 }
    END {
      print "| scenario | replications per condition | threads | time of the run | speed-up over 1 thread |"
      print "|---|---:|---:|---:|---:|"
      for (th = 1; th <= 2; th++) printf "| %s | %s | %d | %.1f ± %.1f ms | %.2f |\n", s, r, th, ms[th], e[th], ms[1] / ms[th]
    }' "$OUT/simulate.csv"
fi
echo
echo "G. Special functions per call (Commons Numbers / Statistics), average time and -prof gc"
echo
awk -F, 'FNR == 1 { next } { gsub(/["\r]/, ""); name = $1; sub(/.*\./, "", name) }
  $1 ~ /:gc.alloc.rate.norm$/ { sub(/:.*/, "", name); b[name, $8] = $5; next }
  $1 !~ /:/ { t[name, $8] = $5; e[name, $8] = $6; if (!(name in seen)) { seen[name] = 1; order[++n] = name } }
  END {
    print "| function | df | time | B/op |"
    print "|---|---:|---:|---:|"
    split("15 299 9999", ds, " ")
    for (i = 1; i <= n; i++) for (j = 1; j <= 3; j++)
      printf "| %s | %s | %.0f ± %.0f ns | %.0f |\n", order[i], ds[j], t[order[i], ds[j]], e[order[i], ds[j]], b[order[i], ds[j]]
  }' "$OUT/tail.csv"
echo
echo "raw JMH results: $OUT" >&2
