#!/bin/sh
# Bit-for-bit check of NumPyMath against NumPy's own np.exp / np.log on millions of inputs, for
# both builds of the C kernels (FMA instructions, and baseline x86-64 where every fma is a call to
# the C library's fma), then ns/call.
#
#   scripts/numpy_math/check_bulk.sh [dir] [--bench]
#
# The reference files in dir (default /tmp/numpy_math) are made first if missing, by
# make_reference.py: that needs NumPy 2.x on an x86-64 CPU with AVX-512.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dir=${1:-/tmp/numpy_math}
[ -f "$dir/log_out.f64" ] || python3 "$here/make_reference.py" bulk "$dir" --scale 1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf 'module CNumPyMath {\n    header "%s"\n    export *\n}\n' \
    "$root/Sources/CNumPyMath/include/CNumPyMath.h" >"$out/module.modulemap"
clang -O2 -Wall -Wextra -c -I "$root/Sources/CNumPyMath/include" \
    "$root/Sources/CNumPyMath/CNumPyMath.c" -o "$out/CNumPyMath.o"
swiftc -O -parse-as-library -I "$out" "$root/Sources/PerceptronCore/Arithmetic/NumPyMath.swift" \
    "$here/check_bulk.swift" "$out/CNumPyMath.o" -o "$out/check"
"$out/check" "$dir"
[ "$2" != --bench ] || "$out/check" "$dir" --bench
