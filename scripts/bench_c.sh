#!/bin/sh
# Builds and runs scripts/bench_c.c: the notebook's step as a plain C loop, with the C library's
# exp and with the engine's (Sources/CNumPyMath), for comparison with `perceptron bench`.
# Usage: scripts/bench_c.sh [steps] [rounds] [perceptron|hidden]
set -e
here=$(cd "$(dirname "$0")" && pwd)
kernel="$here/../Sources/CNumPyMath"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# -ffp-contract=off: the kernel's a*b + c must stay two roundings (GCC fuses them by default).
cc -O2 -ffp-contract=off -I "$kernel/include" -o "$out/bench_c" "$here/bench_c.c" "$kernel/CNumPyMath.c" -lm
"$out/bench_c" "$@"
