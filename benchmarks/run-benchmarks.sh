#!/usr/bin/env bash
# Runs the JMH benchmarks with short but honest settings and prints the tables of
# docs/performance.md: pooling times as multiples of the floor measured in the same JMH run,
# allocation per operation (-prof gc), REML iteration counts, effect-size cost per study.
#
# Usage: benchmarks/run-benchmarks.sh [OUTDIR]   (about 15 minutes; raw JMH CSV files go to
#        OUTDIR, default a temporary directory). Builds benchmarks/target/benchmarks.jar with
#        Maven when it is missing. Run on an otherwise idle machine when you can: the numbers
#        are single-threaded averages and other load inflates them.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
JAR="benchmarks/target/benchmarks.jar"
OUT="${1:-$(mktemp -d)}"
mkdir -p "$OUT"
if [ ! -f "$JAR" ]; then
  mvn -B -q -DskipTests package -pl benchmarks -am >&2
fi
jmh() { java -jar "$JAR" "$@" >&2; }
POOLING='org\.alliancelab\.benchmarks\.pooling\.(PoolingBenchmark|FloorBenchmark)\.'

echo "== machine" >&2
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"

# 1. Pooling and floor in the same JMH run: k = 16, 300, 10,000 with 1 fork, 3 x 1 s warm-up,
#    5 x 1 s measurement; k = 1,000,000 (milliseconds per operation) with 2 + 3 iterations.
jmh "$POOLING" -p k=16,300,10000 -f 1 -wi 3 -w 1 -i 5 -r 1 -rf csv -rff "$OUT/pooling.csv"
jmh "$POOLING" -p k=1000000 -f 1 -wi 2 -w 1 -i 3 -r 1 -rf csv -rff "$OUT/pooling-1e6.csv"
# 2. Allocation per operation at k = 300.
jmh 'org\.alliancelab\.benchmarks\.pooling\.PoolingBenchmark\.' -p k=300 -f 1 -wi 2 -w 1 -i 2 -r 1 -prof gc \
  -rf csv -rff "$OUT/alloc.csv"
# 3. Effect sizes per study.
jmh 'org\.alliancelab\.benchmarks\.effectsize\.' -f 1 -wi 3 -w 1 -i 5 -r 1 -rf csv -rff "$OUT/effectsize.csv"
# 4. REML iterations on the same inputs.
java -cp "$JAR" org.alliancelab.benchmarks.pooling.IterationCounts > "$OUT/iterations.tsv"

# Tables (JMH CSV: Benchmark, Mode, Threads, Samples, Score, Error, Unit, then the parameters in
# alphabetical order: estimator, k, test).
awk -F, -v iters="$OUT/iterations.tsv" '
  BEGIN { while ((getline line < iters) > 0) { split(line, f, "\t"); it[f[1]] = f[2] } }
  FNR == 1 { next }
  { gsub(/["\r]/, ""); if ($1 ~ /:/) next; name = $1; sub(/.*\./, "", name)
    if (name == "weightedSum") { floor_[$9] = $5; ks[$9] = 1; next }
    key = $8 SUBSEP $9 SUBSEP $10; score[name, key] = $5; err[name, key] = $6
    if (!(key in seen)) { seen[key] = 1; order[++n] = key } }
  function t(ns) { return ns >= 1e6 ? sprintf("%.2f ms", ns / 1e6) : ns >= 1e3 ? sprintf("%.2f us", ns / 1e3) : sprintf("%.0f ns", ns) }
  END {
    print "| k | estimator | test | fit(yi, vi, k, workspace) | x floor | fit(yi, vi) | x floor | REML iterations |"
    print "|---:|---|---|---:|---:|---:|---:|---:|"
    for (i = 1; i <= n; i++) {
      split(order[i], p, SUBSEP); k = p[2]
      printf "| %s | %s | %s | %s | %.1f | %s | %.1f | %s |\n", k, p[1], p[3], t(score["fitWorkspace", order[i]]),
        score["fitWorkspace", order[i]] / floor_[k], t(score["fitResult", order[i]]),
        score["fitResult", order[i]] / floor_[k], p[1] == "REML" ? it[k] : ""
    }
    print ""
    print "| k | floor: one pass sum(yi/vi) | per study |"
    print "|---:|---:|---:|"
    split("16 300 10000 1000000", kk, " ")
    for (i = 1; i <= 4; i++) if (kk[i] in ks) printf "| %s | %s | %.2f ns |\n", kk[i], t(floor_[kk[i]]), floor_[kk[i]] / kk[i]
  }' "$OUT/pooling.csv" "$OUT/pooling-1e6.csv"
echo
awk -F, 'FNR == 1 { next } { gsub(/["\r]/, "") }
  $1 ~ /gc.alloc.rate.norm$/ { name = $1; sub(/:.*/, "", name); sub(/.*\./, "", name); a[name, $8, $10] = $5; e[$8] = 1; s[$10] = 1 }
  END {
    print "| estimator | test | fit(yi, vi, k, workspace) B/op | fit(yi, vi) B/op |"
    print "|---|---|---:|---:|"
    split("EE DL PM REML", es, " "); split("Z KNHA", ts, " ")
    for (i = 1; i <= 4; i++) for (j = 1; j <= 2; j++)
      printf "| %s | %s | %.0f | %.0f |\n", es[i], ts[j], a["fitWorkspace", es[i], ts[j]], a["fitResult", es[i], ts[j]]
  }' "$OUT/alloc.csv"
echo
awk -F, 'FNR == 1 { print "| method | measure | ns per study |"; print "|---|---|---:|"; next }
  { gsub(/["\r]/, ""); name = $1; sub(/.*\./, "", name); printf "| %s | %s | %.1f |\n", name, $8, $5 }' "$OUT/effectsize.csv"
echo
echo "raw JMH results: $OUT" >&2
