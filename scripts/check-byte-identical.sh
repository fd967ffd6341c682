#!/usr/bin/env bash
# Builds BASE (a commit, default: the parent of the restructuring, recorded below) in a
# temporary worktree and the working tree as it is, records every output of both with
# scripts/record-outputs.sh, and compares them byte for byte. Exit 0 when all are identical.
#
#   scripts/check-byte-identical.sh [BASE] [REPS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
base=${1:-1dedfe6}; reps=${2:-200}
work=$(mktemp -d); trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach "$work/base" "$base" >/dev/null
(cd "$work/base" && mvn -B -q package -DskipTests)
(cd "$root" && mvn -B -q package -DskipTests)
"$root/scripts/record-outputs.sh" "$work/base/simulate/target/alliance-lab.jar" "$work/out-base" "$reps"
"$root/scripts/record-outputs.sh" "$root/simulate/target/alliance-lab.jar" "$work/out-head" "$reps"
if diff -r "$work/out-base" "$work/out-head"; then
    echo "byte-identical: $(find "$work/out-base" -type f | wc -l) files (base $base, reps $reps)"
else
    echo "outputs differ from $base" >&2; exit 1
fi
