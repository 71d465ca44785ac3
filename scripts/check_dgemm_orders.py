#!/usr/bin/env python3
"""How NumPy's bundled OpenBLAS (0.3.31, x86-64) sums np.dot(A, B) when both are matrices
(dgemm), written out and checked against NumPy on this machine: the rules the engine's
Sources/CNumPyMath/GEMMOrders.c follows for a hidden layer's X·W1 and Xᵀ·dz1.

Run it as NumPy would run: OPENBLAS_CORETYPE=Haswell for the AVX2 kernel set (the default on an
AVX-512 machine is SkylakeX); `--threads N` sets OpenBLAS's thread count (openblas_set_num_threads,
any count up to 64 whatever the machine's cores), else OpenBLAS's own count is used. It draws
random shapes of the two products, works out each element's order, recomputes sampled elements
with exact fused multiply-adds (the C library's fma) and prints every mismatch; exit status 1 if
there is one.

The rules (NumPy hands C = A·B to OpenBLAS as Cᵀ = Bᵀ·Aᵀ, so OpenBLAS's M is C's columns, N its
rows, K the common dimension):
- SkylakeX, M·N·K ≤ 10^6: the small-matrix kernels (kernel/x86_64/dgemm_small_kernel_*_skylakex.c),
  each element one chain of FMAs from 0, except in the NN kernel (X·W1) when M % 8 is 1 to 4 and
  K ≥ 16: those last rows keep 8 lanes (k mod 8) reduced as ((l0+l1)+(l2+l3))+((l4+l5)+(l6+l7))
  for a 4-row tail or columns in whole groups of 4, else ((l0+l4)+(l2+l6))+((l1+l5)+(l3+l7)).
- Otherwise the blocked driver: OpenBLAS's thread count t (interface/gemm.c: 1 if M·N·K ≤ 262144,
  fewer if M·N·K/t < 262144), then level3_thread.c's split with switch ratio 16 (SkylakeX) or 8
  (Haswell): threads along M if M ≥ 2·ratio, along N if N ≥ ratio·(threads along M). K is cut in
  blocks of GEMM_Q (384 SkylakeX, 256 Haswell), a remainder between Q and 2Q halved — (l+1)/2 when
  threaded, rounded up to GEMM_UNROLL_M (16, 4) when not; each block an FMA chain from 0, added to
  the running sum.
- Haswell's kernel (dgemm_kernel_4x8_haswell.S) sums an element in a one-column tile inside a
  four-row tile with four lanes (k mod 4) over each whole group of 8 k, the rest into lane 0, then
  (l0+l1)+(l2+l3). One-column tiles end every kernel call of odd width: each GEMM_R (15856 here,
  computed at run time) piece when single-threaded; when threaded, each half of each thread's
  share of N (shares by level3_thread.c's partition with a lower bound of 4 columns).
"""
import argparse
import ctypes
import ctypes.util
import os
import sys

import numpy as np

from openblas_threads import set_threads, threads as openblas_threads

libm = ctypes.CDLL(ctypes.util.find_library("m"))
libm.fma.restype = ctypes.c_double
libm.fma.argtypes = [ctypes.c_double, ctypes.c_double, ctypes.c_double]
fma = libm.fma

CHAIN, FOUR, PAIRS, HALVES = 0, 1, 2, 3
PARAMS = {"haswell": dict(q=256, unroll_m=4, r=15856, ratio=8, width=4),
          "skylakex": dict(q=384, unroll_m=16, r=0, ratio=16, width=8)}  # r: only Haswell's tiles need it


def partition(n, parts, ratio, start):
    cuts, count = [start], 0
    while n > 0:
        width = (n + parts - count - 1) // (parts - count)
        if ratio and 1 < width < ratio:
            width = ratio
        n -= width
        if n < 0:
            width += n
        cuts.append(cuts[-1] + width)
        count += 1
    return cuts


def plan(kernels, transposed_b, rows, cols, k, threads):
    """(block bounds along k, modes[rows][cols]) for C = A·B with C rows × cols."""
    p = PARAMS[kernels]
    M, N, K = cols, rows, k
    modes = np.zeros((rows, cols), dtype=np.uint8)
    mnk = float(M) * N * K
    if kernels == "skylakex" and mnk <= 1e6:
        m8 = M & ~7
        tail = M - m8
        if not transposed_b and 0 < tail <= 4 and K >= 16:
            n4 = N & ~3
            modes[:, m8:] = PAIRS
            if tail != 4:
                modes[n4:, m8:] = HALVES
        return [0, K], modes
    nthreads = 1
    if mnk > 262144:
        nthreads = threads
        if mnk / nthreads < 262144:
            nthreads = int(mnk / 262144)
    tm = tn = 1
    if nthreads > 1:
        sw = p["ratio"]
        if M >= 2 * sw:
            tm = nthreads
            while M < tm * sw:
                tm //= 2
        if N >= sw * tm:
            tn = (N + sw * tm - 1) // (sw * tm)
            if tm * tn > nthreads:
                tn = nthreads // tm
            while tm % 2 == 0 and N * tm + M * tn > N * (tm // 2) + M * (tn * 2):
                tm //= 2
                tn *= 2
    threaded = tm * tn > 1
    bounds, ls = [0], 0
    while ls < K:
        length = K - ls
        if length >= 2 * p["q"]:
            length = p["q"]
        elif length > p["q"]:
            u = p["unroll_m"]
            length = (length + 1) // 2 if threaded else ((length // 2 + u - 1) // u) * u
        ls += length
        bounds.append(ls)
    if kernels == "skylakex":
        return bounds, modes

    def one_column(column, mcuts):
        for a, b in zip(mcuts, mcuts[1:]):
            modes[column, a:a + ((b - a) & ~3)] = FOUR

    if not threaded:
        for js in range(0, N, p["r"]):
            end = min(N, js + p["r"])
            if (end - js) % 2:
                one_column(end - 1, [0, M])
        return bounds, modes
    total = tm * tn
    mcuts = partition(M, tm, 0, 0)
    for js in range(0, N, p["r"] * total):
        ncuts = partition(min(N - js, p["r"] * total), total, p["width"], js)
        for a, b in zip(ncuts, ncuts[1:]):
            half = (b - a + 1) // 2
            for s in range(a, b, half):
                end = min(b, s + half)
                if (end - s) % 2:
                    one_column(end - 1, mcuts)
    return bounds, modes


def element(a, b, bounds, mode):
    """One element from row a of A and column b of B (lists), in the order `mode` says."""
    if mode >= PAIRS:
        lane = [0.0] * 8
        for q, (x, y) in enumerate(zip(a, b)):
            lane[q & 7] = fma(x, y, lane[q & 7])
        if mode == PAIRS:
            return ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]))
        return ((lane[0] + lane[4]) + (lane[2] + lane[6])) + ((lane[1] + lane[5]) + (lane[3] + lane[7]))
    total = 0.0
    for blk, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        x, y = a[lo:hi], b[lo:hi]
        if mode == FOUR and hi - lo >= 8:
            acc = [0.0] * 4
            whole = (hi - lo) & ~7
            for q in range(hi - lo):
                lane = q & 3 if q < whole else 0
                acc[lane] = fma(x[q], y[q], acc[lane])
            part = (acc[0] + acc[1]) + (acc[2] + acc[3])
        else:
            part = 0.0
            for u, v in zip(x, y):
                part = fma(u, v, part)
        total = part if blk == 0 else total + part
    return total


def main():
    kernels = "haswell" if os.environ.get("OPENBLAS_CORETYPE", "").lower() == "haswell" else "skylakex"
    parser = argparse.ArgumentParser(description="OpenBLAS's dgemm orders against NumPy")
    parser.add_argument("--threads", type=int, help="OpenBLAS's thread count (default: its own)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.threads is not None:
        set_threads(args.threads)
    threads = openblas_threads()
    rng = np.random.default_rng(args.seed)
    shapes = [(33, 9, 7), (17, 16, 4), (17, 16, 3), (10000, 8, 16), (1000, 64, 16), (38313, 13, 8)]
    shapes += [(int(rng.integers(2, 3000)), int(rng.integers(2, 65)), int(rng.integers(2, 17))) for _ in range(30)]
    shapes += [(int(rng.integers(3000, 100001)), int(rng.integers(2, 20)), int(rng.integers(2, 17))) for _ in range(6)]
    checked = mismatches = 0
    for m, n, h in shapes:
        X = rng.standard_normal((m, n))
        W1 = rng.standard_normal((n, h))
        dz1 = rng.standard_normal((m, h)) * 1e-3
        for name, A, B, transposed in (("X·W1", X, W1, False), ("Xᵀ·dz1", X.T, dz1, True)):
            C = np.dot(A, B)
            bounds, modes = plan(kernels, transposed, C.shape[0], C.shape[1], A.shape[1], threads)
            # Every element off the plain chain, and a sample of the rest.
            special = [tuple(e) for e in np.argwhere(modes != CHAIN)]
            sample = [(int(rng.integers(C.shape[0])), int(rng.integers(C.shape[1]))) for _ in range(24)]
            for r, c in special[:400] + sample:
                checked += 1
                ours = element(list(A[r]), list(B[:, c]), bounds, modes[r, c])
                if ours != C[r, c]:
                    mismatches += 1
                    print(f"{name} {m}x{n} h={h}: element ({r}, {c}) mode {modes[r, c]}: {ours!r} vs NumPy {C[r, c]!r}")
    print(f"{kernels}, {threads} thread(s): {checked} elements of {len(shapes)} shapes checked, {mismatches} mismatches")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
