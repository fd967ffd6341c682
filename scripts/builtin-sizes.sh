#!/usr/bin/env bash
# Size (rejection rate of the true difference, 1 - coverage) and coverage of both
# adjusted-versus-unadjusted difference tests in every built-in scenario, under REML (as
# shipped) and common-effect (EE) pooling, 1,000 replications per condition. Prints one
# markdown table (per cent ± MCSE).
#
#   scripts/builtin-sizes.sh [JAR] [OUTDIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${1:-$root/simulate/target/alliance-lab.jar}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
for f in "$root"/simulate/simulator/src/main/resources/scenarios/*.json; do
    name=$(basename "$f" .json)
    cp "$f" "$out/$name-reml.json"
    sed 's/"estimator": "REML"/"estimator": "EE"/' "$f" > "$out/$name-ee.json"
    for est in reml ee; do
        java -jar "$jar" simulate --scenario "$out/$name-$est.json" --out "$out/$name-$est" --quiet
    done
done
python3 - "$out" "$root" <<'PY'
import json, sys, os, glob
out, root = sys.argv[1], sys.argv[2]
def fmt(cov):
    if cov["value"] == 1:
        return f"0.0 (< {300 / cov['replications']:.2g})"
    return f"{100 * (1 - cov['value']):.1f} ± {100 * cov['mcse']:.2g}"
print("| scenario | condition | pooling | true difference (z) | paired CR2: size | paired: coverage | subgroup: size | subgroup: coverage |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for f in sorted(glob.glob(os.path.join(root, "simulate/simulator/src/main/resources/scenarios/*.json"))):
    name = os.path.basename(f)[:-5]
    for est in ["reml", "ee"]:
        s = json.load(open(os.path.join(out, f"{name}-{est}", "summary.json")))
        for c in s["conditions"]:
            m = c["measures"]
            t = c["truth_among_reporters"]
            import math
            diff = math.atanh(t["adjusted"]) - math.atanh(t["unadjusted"])
            p = m["difference_paired"]["coverage"]["difference"]
            g = m["difference_subgroup"]["coverage"]["difference"]
            print(f"| {name} | {c['condition']} | {est.upper()} | {diff:+.4f} | {fmt(p)} | {100 * p['value']:.1f} | {fmt(g)} | {100 * g['value']:.1f} |")
PY
