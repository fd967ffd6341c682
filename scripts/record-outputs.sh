#!/usr/bin/env bash
# Records every user-visible output of a build of alliance-lab into one directory, so that two
# builds can be compared byte for byte (scripts/check-byte-identical.sh).
#
#   scripts/record-outputs.sh JAR OUTDIR [REPS]
#
# Covers, for every built-in scenario: simulate with each engine (an engine that cannot draw it
# records its one-line refusal) (summary.json,
# summary.csv, replications.csv, run.json and the printed table), truth as text and JSON;
# compare and report on the Flückiger pair; pool, bias, influence, sensitivity and aggregate on the examples.
set -euo pipefail
jar=$(realpath "$1"); out=$2; reps=${3:-200}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"; out=$(realpath "$out")
run() { java -jar "$jar" "$@"; }
cd "$root"

scenarios=$(find simulate -path '*/src/main/resources/scenarios/*.json' -printf '%f\n' | sed 's/\.json$//' | sort -u)
for s in $scenarios; do
    run truth --scenario "$s" --format json > "$out/truth-$s.json"
    run truth --scenario "$s" > "$out/truth-$s.txt"
    for engine in sufficient patient panel; do
        dir="$out/simulate-$s-$engine"
        if run simulate --scenario "$s" --engine "$engine" --reps "$reps" --threads 2 --out "$dir" \
                > "$out/simulate-$s-$engine.txt" 2> "$out/simulate-$s-$engine.err"; then
            rm -f "$out/simulate-$s-$engine.err"
        else
            echo "exit $?" >> "$out/simulate-$s-$engine.err"
        fi
    done
done

# Sharded run merged by collect equals the unsharded one (both are recorded).
for i in 1 2 3; do
    run simulate --scenario causal --reps "$reps" --shard "$i/3" --quiet --out "$out/shard-$i" > /dev/null
done
run collect --quiet --out "$out/collect-causal" "$out"/shard-1 "$out"/shard-2 "$out"/shard-3 > /dev/null
rm -rf "$out"/shard-?

run compare "$out/simulate-fluckiger2018-sufficient" "$out/simulate-fluckiger2018-null-sufficient" > "$out/compare.txt"
(cd "$out" && run report simulate-fluckiger2018-sufficient simulate-fluckiger2018-null-sufficient \
    --out report.html > /dev/null)

for f in examples/*.csv; do
    # the correlation examples only (darfur.csv holds a regression's t values, for sensitivity)
    head -1 "$f" | grep -qE '(^|,)r(,|$)' || continue
    b=$(basename "$f" .csv)
    for method in REML DL PM EE; do
        for test in z knha; do
            run pool --input "$f" --method "$method" --test "$test" --format json > "$out/pool-$b-$method-$test.json"
        done
    done
    run pool --input "$f" --measure COR > "$out/pool-$b-COR.txt"
    run bias --input "$f" --format json > "$out/bias-$b.json"
    run influence --input "$f" --format json > "$out/influence-$b.json"
    # a build from before the sensitivity command records its error instead
    run sensitivity --input "$f" --format json > "$out/sensitivity-$b.json" 2> "$out/sensitivity-$b.err" \
        && rm -f "$out/sensitivity-$b.err" || echo "exit $?" >> "$out/sensitivity-$b.err"
done
run pool --input examples/molloy2014.csv --mods controls,quality --format json > "$out/pool-molloy2014-mods.json"
run pool --input examples/molloy2014.csv --by controls --format json > "$out/pool-molloy2014-by.json"
run pool --input examples/molloy2014.csv --by controls --subgroup-tau2 common --format json > "$out/pool-molloy2014-by-common.json"
run aggregate --input examples/crede2010.csv --cluster study --rho 0.5 --out "$out/aggregate-crede2010.csv"
# What legitimately differs between two runs: the clock.
find "$out" -name run.json -exec sed -i -E '/"(wall_seconds|finished_at)"/d' {} +
find "$out" -name 'simulate-*.txt' -exec sed -i -E 's/^Wall time .*/Wall time (not compared)/' {} +
echo "recorded $(find "$out" -type f | wc -l) files in $out"
