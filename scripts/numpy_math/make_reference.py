#!/usr/bin/env python3
"""NumPy's own float64 np.exp / np.log results, as test vectors for NumPyMath (Sources/CNumPyMath).

On an x86-64 CPU with AVX-512, NumPy 2.x computes these with Intel SVML's AVX-512 kernels
(`__svml_exp8_ha`, `__svml_log8_ha`), not the C library; NumPyMath reimplements those kernels
(in C: Sources/CNumPyMath/CNumPyMath.c). This script produces the reference values, always by applying the ufunc to float64 *arrays*,
and checks on the way that every array shape the training code uses gives the same bits
(one big array, (4,1) columns, strided views, 0-d scalars).

    # compact hex table for Tests/PerceptronCoreTests/NumPyMathTests.swift
    python3 scripts/numpy_math/make_reference.py compact > /tmp/vectors.txt
    # millions of inputs as raw little-endian float64 files (in, exp/log out) for a bulk check
    python3 scripts/numpy_math/make_reference.py bulk /tmp/numpy_math --scale 1

The bulk files are <dir>/{exp,log}_{in,out}.f64; scripts/numpy_math/check_bulk.sh compares both
builds of NumPyMath (FMA and baseline x86-64) against them.
"""
import argparse
import math
import os
import struct
import sys

import numpy as np

EXP_OVERFLOW = float.fromhex("0x1.62e42fefa39efp+9")  # 709.78…: largest x with finite exp(x)
EXP_RARE = float.fromhex("0x1.61da04cbafe44p+9")  # 707.70…: |x| from here on take the kernel's scalar path
EXP_SUBNORMAL = -float.fromhex("0x1.6232bdd7abcd2p+9")  # -708.39…: below, results are subnormal
EXP_ZERO = -float.fromhex("0x1.74910d52d3051p+9")  # -745.13…: below, exp(x) is 0
LN2 = math.log(2.0)
LOG2E = float.fromhex("0x1.71547652b82fep+0")

# vrcp14pd(m) rounded to 1/32 changes value at these 16-bit prefixes of m's fraction (see
# rcp_table in Sources/CNumPyMath/CNumPyMath.c); inputs near them exercise the reciprocal emulation.
RCP_STEPS = [0x040F, 0x0C97, 0x15B4, 0x1F70, 0x29E6, 0x3523, 0x4143, 0x4E5F,
             0x5C99, 0x6C15, 0x7D07, 0x8F9C, 0xA41A, 0xBAD0, 0xD41C, 0xF080]


def bits(a):
    return np.ascontiguousarray(a, dtype=np.float64).view(np.uint64)


def from_bits(u):
    return np.asarray(u, dtype=np.uint64).view(np.float64)


def ulp_walk(x, n):
    """x and its n neighbours on each side (by bit pattern, same sign)."""
    b = int(bits(np.array([x]))[0])
    return from_bits([b + d for d in range(-n, n + 1) if 0 <= b + d < 2**64])


def special_values():
    return from_bits([
        0x0000000000000000, 0x8000000000000000,  # ±0
        0x7FF0000000000000, 0xFFF0000000000000,  # ±inf
        0x7FF8000000000000, 0xFFF8000000000000,  # quiet NaNs
        0x7FF8000000000001, 0xFFFC000000001234,  # NaN payloads
        0x7FF0000000000001, 0xFFF4000000000000,  # signalling NaNs
        0x0000000000000001, 0x8000000000000001,  # ±smallest subnormal
        0x000FFFFFFFFFFFFF, 0x800FFFFFFFFFFFFF,  # ±largest subnormal
        0x0010000000000000, 0x8010000000000000,  # ±smallest normal
        0x7FEFFFFFFFFFFFFF, 0xFFEFFFFFFFFFFFFF,  # ±largest finite
        0x3FF0000000000000, 0xBFF0000000000000,  # ±1
    ])


def exp_inputs(rng, scale):
    n = int(1_000_000 * scale)
    parts = {
        "uniform[-750,750]": rng.uniform(-750, 750, 2 * n),
        "uniform[-40,40]": rng.uniform(-40, 40, 2 * n),
        "uniform[-1,1]": rng.uniform(-1, 1, n),
        "tiny": rng.choice([-1.0, 1.0], n) * 10.0 ** rng.uniform(-325, -3, n),
        "random bits": from_bits(rng.integers(0, 2**64, n, dtype=np.uint64)),
        # x·log2(e) at or next to a multiple of 1/16 (the kernel's round-toward-zero step) and
        # x·64/ln2 next to a half-integer (the rare path's rounding)
        "k/16 ln2 grid": np.concatenate([
            (np.arange(-16 * 1100, 16 * 1100) / 16.0) / LOG2E,
            (np.arange(-16 * 1100, 16 * 1100) / 16.0) * LN2]),
        "rare grid": (np.arange(64 * 1020, 64 * 1076) + 0.5) * (LN2 / 64) * rng.choice([-1.0, 1.0], 64 * 56),
        "rare range": np.concatenate([rng.uniform(EXP_RARE, 710, n // 4), rng.uniform(-746, -EXP_RARE, n // 2)]),
        "thresholds": np.concatenate([ulp_walk(t, 2000) for t in
                                      (EXP_OVERFLOW, EXP_RARE, -EXP_RARE, EXP_SUBNORMAL, EXP_ZERO,
                                       -float.fromhex("0x1.74385446d71c3p+9"), -float.fromhex("0x1.6232bdd7abcd3p+9"))]),
        "special": special_values(),
    }
    k = parts["k/16 ln2 grid"]
    parts["k/16 ln2 grid"] = np.concatenate([k, np.nextafter(k, np.inf), np.nextafter(k, -np.inf)])
    return parts


def log_inputs(rng, scale):
    n = int(1_000_000 * scale)
    expo = rng.integers(-1022, 1024, n)
    steps = []
    for s in RCP_STEPS:  # fractions straddling each reciprocal step, at random exponents
        frac = (np.uint64(s) << np.uint64(36)) + rng.integers(-(2**38), 2**38, n // 64).astype(np.uint64)
        e = rng.integers(1, 2047, n // 64).astype(np.uint64) << np.uint64(52)
        steps.append(from_bits(e | (frac & np.uint64(0xFFFFFFFFFFFFF))))
    parts = {
        "(0,1e-300]": 10.0 ** rng.uniform(-308, -300, n // 2),
        "subnormal": from_bits(rng.integers(1, 2**52, n, dtype=np.uint64)),
        "around 1": rng.uniform(0.9, 1.1, 2 * n),
        "1 +- ulps": np.concatenate([ulp_walk(1.0, 5000), 1.0 + rng.uniform(-2**-20, 2**-20, n // 4)]),
        "(0,1)": rng.uniform(0, 1, 2 * n),
        "large": 10.0 ** rng.uniform(0, 308.25, n),
        "powers of two": np.ldexp(1.0, np.arange(-1074, 1024)),
        "random positive bits": from_bits(rng.integers(1, 0x7FF0000000000000, 2 * n, dtype=np.uint64)),
        "random exponent, mantissa": np.ldexp(rng.uniform(1, 2, n), expo),
        "rcp14 steps": np.concatenate(steps),
        "negative": -10.0 ** rng.uniform(-320, 308, n // 10),
        # the first and last m in [1, 2) of every 16-bit fraction prefix: every entry of the
        # reciprocal table, on both sides of each step
        "16-bit prefixes": np.concatenate([
            from_bits((np.arange(2**16, dtype=np.uint64) << np.uint64(36)) | np.uint64(0x3FF0000000000000)),
            from_bits((np.arange(2**16, dtype=np.uint64) << np.uint64(36)) | np.uint64(0x3FF0000FFFFFFFFF))]),
        "special": special_values(),
    }
    return parts


def apply(f, x):
    """f on the whole array, checked against the shapes and layouts the engine's NumPy uses."""
    with np.errstate(all="ignore"):
        out = f(x)
        col = np.concatenate([f(x[i:i + 4].reshape(-1, 1)).ravel() for i in range(0, min(len(x), 40_000), 4)])
        strided = f(np.repeat(x[:40_000], 2)[::2])
        scalars = np.array([f(v) for v in x[:2_000]])
    for name, other in (("(4,1) columns", col), ("strided", strided), ("scalars", scalars)):
        same = bits(out[:len(other)]) == bits(other)
        if not same.all():
            i = int(np.argmin(same))
            sys.exit(f"{f.__name__}: {name} differ from the whole array at x={x[i]!r}")
    return out


def libm_mismatches(f, x, y):
    g = math.exp if f is np.exp else math.log
    sample = x[:200_000]
    diff = 0
    for v, r in zip(sample, y[:200_000]):
        try:
            w = g(float(v))
        except (OverflowError, ValueError):
            continue
        if struct.pack("<d", w) != struct.pack("<d", float(r)):
            diff += 1
    return diff, len(sample)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("mode", choices=["compact", "bulk"])
    p.add_argument("dir", nargs="?", default="/tmp/numpy_math")
    p.add_argument("--scale", type=float, default=1.0, help="bulk: millions of inputs per category")
    p.add_argument("--seed", type=int, default=20240601)
    a = p.parse_args()
    features = np._core._multiarray_umath.__cpu_features__
    if not features.get("AVX512_SKX"):
        sys.exit("this CPU lacks AVX512_SKX: NumPy uses the C library's exp/log here, not SVML")
    rng = np.random.default_rng(a.seed)

    if a.mode == "bulk":
        os.makedirs(a.dir, exist_ok=True)
        for f, make in ((np.exp, exp_inputs), (np.log, log_inputs)):
            parts = make(rng, a.scale)
            x = np.concatenate(list(parts.values())).astype(np.float64)
            y = apply(f, x)
            x.tofile(os.path.join(a.dir, f"{f.__name__}_in.f64"))
            y.tofile(os.path.join(a.dir, f"{f.__name__}_out.f64"))
            d, m = libm_mismatches(f, x, y)
            print(f"{f.__name__}: {len(x)} inputs ({', '.join(f'{k}: {len(v)}' for k, v in parts.items())}); "
                  f"libm differs on {d} of the first {m}", file=sys.stderr)
        return

    # compact: a fixed selection from every category, plus every special value
    print(f"# np.exp / np.log float64 reference vectors: NumPy {np.__version__}, "
          f"generated by scripts/numpy_math/make_reference.py (seed {a.seed})")
    for f, make in ((np.exp, exp_inputs), (np.log, log_inputs)):
        parts = make(rng, 0.01)
        chosen = []
        for name, v in parts.items():
            take = len(v) if name == "special" else min(len(v), 100)
            idx = np.sort(rng.choice(len(v), take, replace=False)) if take < len(v) else np.arange(len(v))
            chosen.append(v[idx])
        x = np.concatenate(chosen)
        y = apply(f, x)
        for xi, yi in zip(bits(x), bits(y)):
            print(f"{f.__name__} {int(xi):016x} {int(yi):016x}")


if __name__ == "__main__":
    main()
