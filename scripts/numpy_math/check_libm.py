#!/usr/bin/env python3
"""Checks that NumPy's float64 np.exp / np.log are the C library's exp / log, bit for bit.

That is what the engine's `--math libm` assumes NumPy does on machines without X86_V4 (or on an
AVX-512 machine with NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR"). Calls the C
library through ctypes, one value at a time, and compares with NumPy's array results on random
inputs of every kind (wide and narrow ranges, raw bit patterns, special values). Prints the
mismatches and exits 1 if there are any.

    NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR" python3 scripts/numpy_math/check_libm.py [N]
"""
import ctypes
import ctypes.util
import sys

import numpy as np


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400_000
    libm = ctypes.CDLL(ctypes.util.find_library("m"))
    for name in ("exp", "log"):
        getattr(libm, name).restype = ctypes.c_double
        getattr(libm, name).argtypes = [ctypes.c_double]
    rng = np.random.default_rng(20261201)
    q = n // 4
    raw = np.frombuffer(rng.integers(0, 2**64, q, dtype=np.uint64).tobytes(), dtype=np.float64)
    special = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 709.78, 709.79, -745.13, -745.14, 1e-310, -1.0])
    xs = np.concatenate([rng.uniform(-750, 710, q), rng.uniform(-40, 40, q), rng.normal(0, 3, q), raw, special])
    ls = np.concatenate([rng.uniform(0, 1, 2 * q), np.exp(rng.uniform(-700, 700, q)), np.abs(raw), special])
    failed = False
    with np.errstate(all="ignore"):
        for name, inputs, ours in (("exp", xs, np.exp(xs)), ("log", ls, np.log(ls))):
            f = getattr(libm, name)
            theirs = np.array([f(x) for x in inputs.tolist()])
            differ = ours.view(np.uint64) != theirs.view(np.uint64)
            # NaN payloads are not digits anyone prints; compare NaN-ness only.
            differ &= ~(np.isnan(ours) & np.isnan(theirs))
            count = int(differ.sum())
            print(f"np.{name} vs C library {name}: {count} mismatches of {len(inputs)}")
            for x in inputs[differ][:5]:
                print(f"  {name}({x!r}): NumPy {np.__dict__[name](x)!r}, C library {f(float(x))!r}")
            failed |= count > 0
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
