#!/bin/sh
# Builds and runs scripts/bench_c.c: the notebook's step as a plain C loop, for comparison with
# `perceptron bench`. Usage: scripts/bench_c.sh [steps] [rounds]
set -e
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cc -O2 -o "$out/bench_c" "$here/bench_c.c" -lm
"$out/bench_c" "$@"
