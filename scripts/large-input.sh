#!/usr/bin/env bash
# Writes K heterogeneous studies as a yi,vi CSV, for the large-input figures of
# docs/performance.md: y ~ N(0.2, 0.01 + v), v uniform in [0.005, 0.055] (Box-Muller
# normals), a fixed seed, so the same K gives the same file.
#   scripts/large-input.sh K FILE
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: scripts/large-input.sh K FILE" >&2; exit 2; }
awk -v k="$1" 'BEGIN {
    srand(20261203); print "yi,vi"
    for (i = 0; i < k; i++) {
        v = 0.005 + 0.05 * rand()
        z = sqrt(-2 * log(1 - rand())) * cos(6.283185307179586 * rand())
        printf "%.6f,%.6f\n", 0.2 + sqrt(0.01 + v) * z, v
    }
}' > "$2"
