#!/usr/bin/env bash
# Runs the pooling and replication benchmarks of two benchmark jars (a baseline and a change) in
# one sitting, alternating A B A B so that drift of the machine hits both alike, and prints a
# Markdown table of the JMH sample-mode medians (p50, the mean of the two rounds) and their ratio.
#
#   benchmarks/before-after.sh BEFORE.jar AFTER.jar [OUTDIR]
#
# BEFORE.jar is e.g. a build of the commit before a change (git worktree add /tmp/base REV;
# mvn -B -q package -DskipTests there). About 12 minutes. Run on an idle machine.
#   benchmarks/before-after.sh --tables OUTDIR   prints the table of an earlier run.
set -euo pipefail
if [ "${1:-}" = "--tables" ]; then
    out=$2; run=0
else
    before=$(realpath "$1"); after=$(realpath "$2"); out=${3:-$(mktemp -d)}; run=1
fi
mkdir -p "$out"
PKG='org\.alliancelab\.benchmarks'
RUN=(-bm sample -f 1 -wi 3 -w 1 -i 5 -r 1 -rf csv)
bench() {  # jar tag round
    java -jar "$1" "$PKG\.pooling\.PoolingBenchmark\.fitWorkspace" -p k=16,300 -p estimator=DL,REML,PM -p test=Z \
        "${RUN[@]}" -rff "$out/pooling-$2-$3.csv" >&2
    java -jar "$1" "$PKG\.simulation\.ReplicationBenchmark\." "${RUN[@]}" -rff "$out/replication-$2-$3.csv" >&2
}
if [ "$run" = 1 ]; then
for round in 1 2; do
    bench "$before" before "$round"
    bench "$after" after "$round"
done
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average at end $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')" > "$out/machine.txt"
fi
cat "$out/machine.txt"
python3 - "$out" <<'PY'
import csv, glob, os, sys
from collections import defaultdict
out = sys.argv[1]
med = defaultdict(list)
for f in sorted(glob.glob(os.path.join(out, '*-*-*.csv'))):
    kind, tag, _ = os.path.basename(f)[:-4].split('-')
    for row in csv.DictReader(open(f)):
        if not row['Benchmark'].endswith(':p0.50'):
            continue
        params = ', '.join(f"{k[len('Param: '):]}={v}" for k, v in row.items() if k.startswith('Param: ') and v)
        name = row['Benchmark'].rsplit(':', 1)[0].split('.')[-1]
        med[(kind, name, params, row['Unit'])].append((tag, float(row['Score'])))
print('| benchmark | parameters | unit | before (p50) | after (p50) | after / before |')
print('| --- | --- | --- | ---: | ---: | ---: |')
for (kind, name, params, unit), v in sorted(med.items()):
    b = [x for t, x in v if t == 'before']; a = [x for t, x in v if t == 'after']
    if not b or not a:
        continue
    mb, ma = sum(b) / len(b), sum(a) / len(a)
    print(f'| {kind}.{name} | {params} | {unit} | {mb:.4g} | {ma:.4g} | {ma / mb:.3f} |')
PY
