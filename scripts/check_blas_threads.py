#!/usr/bin/env python3
"""How NumPy's bundled OpenBLAS (0.3.31) splits the perceptron's products over its threads, written
out and checked against NumPy itself. Each threaded product must equal its pieces, each piece
computed by NumPy with one thread (whose orders Sources/CNumPyMath/BLASOrders.c reproduces), put
together as OpenBLAS puts them; the engine follows the same rules (BLASOrders.c, *_threads).

- X·w (dgemv_t; interface/gemv.c, driver/level2/gemv_thread.c): one thread while m·n < 460,800
  (115200 · GEMM_MULTITHREAD_THRESHOLD, 4 by default); else the m rows are cut into blocks, block c
  of the rows left r: max(4, ceil(r / (t − c))) rows, at most r; each block is a dgemv_t of its own.
- Xᵀ·d (dgemv_n), n > 1: the same threshold; the n outputs are cut the same way (max 4 each); each
  block a dgemv_n of its own (its leftover outputs summed plainly: lda is still n). If that makes
  fewer blocks than threads (n < 4t, roughly) and n·t ≤ 1024 (its per-thread buffer), the m samples
  are cut that way instead, each block's n sums made into a zeroed buffer, and each output is then
  ((0 + part₀) + part₁) + … in block order.
- Xᵀ·d with n = 1 (ddot; kernel/x86_64/ddot.c, driver/others/blas_l1_thread.c): one thread while
  m ≤ 10,000; else t blocks of ceil(r / (t − c)) samples (no minimum), summed ((0 + s₀) + s₁) + …
- t is the count OpenBLAS starts with (openblas_threads.default_threads: env vars, then the CPUs
  it may run on) or what openblas_set_num_threads set; this script sets 1 to 4 in turn (more
  threads than cores partition the same way; only the env vars are capped by the cores).

    python3 scripts/check_blas_threads.py                          # this CPU's kernels
    OPENBLAS_CORETYPE=Haswell python3 scripts/check_blas_threads.py  # the AVX2 set

Prints the mismatches per product and thread count (0 expected), and shows that each rule can fail:
the same checks with the one-thread order, which must mismatch where the threads split.
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402
from openblas_threads import config, default_threads, dgemv_n_columns, set_threads, threads  # noqa: E402

GEMV_THRESHOLD = 115200 * 4
DOT_THRESHOLD = 10000


def blocks(total, t, minimum):
    """OpenBLAS's cut of `total` over t threads: [(start, end)]."""
    out, start, c, rest = [], 0, 0, total
    while rest > 0:
        width = (rest + t - c - 1) // (t - c)
        width = min(max(width, minimum), rest)
        out.append((start, start + width))
        start += width
        rest -= width
        c += 1
    return out


def one(f):
    set_threads(1)
    return f()


def gemv_t(X, w, t):
    m, n = X.shape
    if t == 1 or m * n < GEMV_THRESHOLD:
        return one(lambda: X.dot(w))
    return np.concatenate([one(lambda: X[a:b].dot(w)) for a, b in blocks(m, t, 4)])


def gemv_n(X, d, t):
    m, n = X.shape
    if n == 1:
        return np.array([[ddot(X[:, 0], d[:, 0], t)]])
    if t == 1 or m * n < GEMV_THRESHOLD:
        return one(lambda: X.T.dot(d))
    outputs = blocks(n, t, 4)
    if len(outputs) < t and n * t <= 1024:
        y = np.zeros((n, 1))
        for a, b in blocks(m, t, 4):
            y = y + one(lambda: X[a:b].T.dot(d[a:b]))
        return y
    return np.concatenate([one(lambda: dgemv_n_columns(X, d, a, b - a)) for a, b in outputs])


def ddot(x, d, t):
    m = len(x)
    if t == 1 or m <= DOT_THRESHOLD:
        return one(lambda: x.dot(d))
    total = 0.0
    for a, b in blocks(m, t, 1):
        total = total + one(lambda: x[a:b].dot(d[a:b]))
    return total


def numpy_with(t, f):
    set_threads(t)
    r = f()
    assert threads() == t
    return r


def check_products(rng):
    shapes = [(20000, 1), (30000, 3), (100000, 2), (10000, 1), (10001, 1), (10002, 1), (10003, 1), (99999, 1),
              (7200, 64), (7201, 64), (57600, 8), (57599, 8), (65001, 8), (100000, 5), (100000, 7), (93000, 5),
              (100000, 6), (50000, 10), (20000, 33), (15000, 64), (70001, 9), (100000, 13), (8000, 62)]
    shapes += [(int(rng.integers(7000, 100001)), int(rng.integers(1, 65))) for _ in range(20)]
    bad = {}
    split = {}
    for m, n in shapes:
        X = rng.standard_normal((m, n)) * 2
        w = rng.standard_normal((n, 1))
        d = rng.standard_normal((m, 1))
        for t in (1, 2, 3, 4):
            for name, f, mine in (("X·w", lambda: X.dot(w), lambda: gemv_t(X, w, t)),
                                  ("Xᵀ·d", lambda: X.T.dot(d), lambda: gemv_n(X, d, t))):
                got = numpy_with(t, f)
                key = (name, t)
                bad[key] = bad.get(key, 0) + int(np.any(got != mine()))
                # The rule is needed: the one-thread order differs where the threads split.
                split[key] = split.get(key, 0) + int(np.any(got != numpy_with(1, f)))
    for (name, t), count in sorted(bad.items()):
        print(f"{name:5} threads {t}: {len(shapes)} shapes, mismatches {count}"
              f" (one-thread order: {split[(name, t)]})")
    return sum(bad.values())


def check_count():
    """OpenBLAS's default count against default_threads, in fresh processes (it reads them once)."""
    cases = [{}, {"OPENBLAS_NUM_THREADS": "1"}, {"OPENBLAS_NUM_THREADS": "4"}, {"OPENBLAS_NUM_THREADS": "0"},
             {"OPENBLAS_NUM_THREADS": "-3"}, {"OPENBLAS_NUM_THREADS": "1x"}, {"OPENBLAS_NUM_THREADS": " 1"},
             {"OPENBLAS_NUM_THREADS": "x1"}, {"GOTO_NUM_THREADS": "1"}, {"OMP_NUM_THREADS": "1"},
             {"OMP_NUM_THREADS": "1,2"}, {"OPENBLAS_NUM_THREADS": "2", "OMP_NUM_THREADS": "1"},
             {"GOTO_NUM_THREADS": "1", "OMP_NUM_THREADS": "3"}, {"OPENBLAS_DEFAULT_NUM_THREADS": "1"},
             {"OPENBLAS_DEFAULT_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "2"},
             {"OPENBLAS_DEFAULT_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "0"}]
    clean = {k: v for k, v in os.environ.items()
             if k not in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_DEFAULT_NUM_THREADS")}
    code = ("import sys; sys.path.insert(0, %r); from openblas_threads import threads, default_threads; "
            "print(threads(), default_threads())" % os.path.dirname(os.path.abspath(__file__)))
    bad = 0
    runs = [(case, []) for case in cases]
    if hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) > 1:
        cpu = str(min(os.sched_getaffinity(0)))
        runs += [({}, ["taskset", "-c", cpu]), ({"OPENBLAS_NUM_THREADS": "3"}, ["taskset", "-c", cpu])]
    for case, prefix in runs:
        try:
            out = subprocess.run(prefix + [sys.executable, "-c", code], env={**clean, **case},
                                 capture_output=True, text=True, check=True).stdout.split()
        except (OSError, subprocess.CalledProcessError) as e:
            print("count", case, prefix, "could not run:", e)
            continue
        ok = out[0] == out[1]
        bad += not ok
        print(f"count {' '.join(prefix) or 'any CPU':12} {case}: OpenBLAS {out[0]}, rule {out[1]}" + ("" if ok else "  MISMATCH"))
    return bad


def main():
    print(config(), "| this process:", threads(), "threads, rule:", default_threads(),
          "| kernels:", os.environ.get("OPENBLAS_CORETYPE", "this CPU's"))
    rng = np.random.default_rng(int(sys.argv[1]) if len(sys.argv) > 1 else 12)
    total = check_count() + check_products(rng)
    print("mismatches", total)
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
