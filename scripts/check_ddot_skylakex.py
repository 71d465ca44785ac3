"""OpenBLAS's SkylakeX ddot (kernel/x86_64/ddot.c with ddot_microk_skylakex-2.c, built for
AVX-512 so each `acc += x*y` is one fused multiply-add), the order ddot_skylakex in
Sources/CNumPyMath/BLASOrders.c follows, checked against NumPy's own X.T @ d for a one-column X
(the perceptron's gradient on a one-input table). Needs an AVX-512 CPU (OPENBLAS_CORETYPE=SkylakeX
is set unless given). Prints the mismatches of the fused order (0 expected) and, to show the test
can tell, of the same order unfused. Above 10,000 products OpenBLAS splits the sum over its
threads (scripts/check_blas_threads.py checks how): the last lines hold with OPENBLAS_NUM_THREADS=1
only."""
import os, sys
os.environ.setdefault("OPENBLAS_CORETYPE", "SkylakeX")
import numpy as np
from fractions import Fraction as F

def fma(a, b, c): return float(F(a) * F(b) + F(c))

def ddot_skx(x, y, fused=True):
    n = len(x); n1 = n & -16; dot = 0.0
    mul = (lambda a, b, c: fma(a, b, c)) if fused else (lambda a, b, c: c + a * b)
    if n1:
        n32 = n1 & ~31
        z = [0.0] * 32  # four 8-lane accumulators, lane l of accumulator q at z[8q+l]
        for i in range(0, n32, 32):
            for k in range(32): z[k] = mul(x[i + k], y[i + k], z[k])
        a = [[z[8 * q + j] + z[8 * q + j + 4] for j in range(4)] for q in range(4)]
        for i in range(n32, n1, 16):
            for q in range(4):
                for j in range(4): a[q][j] = mul(x[i + 4 * q + j], y[i + 4 * q + j], a[q][j])
        s = [((a[0][j] + a[1][j]) + a[2][j]) + a[3][j] for j in range(4)]
        h0, h1 = s[0] + s[2], s[1] + s[3]
        dot = h0 + h1
    for i in range(n1, n): dot = mul(y[i], x[i], dot)
    return dot

rng = np.random.default_rng(int(sys.argv[1]) if len(sys.argv) > 1 else 5)  # seed: any
bad = {True: 0, False: 0}; total = 0
for t in range(600):
    m = int(rng.integers(1, 300))
    X = rng.standard_normal((m, 1)) * 2; d = rng.standard_normal((m, 1))
    r = (X.T @ d)[0, 0]
    total += 1
    for fused in (True, False):
        if r != ddot_skx(list(X[:, 0]), list(d[:, 0]), fused): bad[fused] += 1
print("cases", total, "mismatches fused", bad[True], "unfused", bad[False])
for m in (10000, 10001, 50000, 100000):
    X = rng.standard_normal((m, 1)); d = rng.standard_normal((m, 1))
    print(m, (X.T @ d)[0, 0] == ddot_skx(list(X[:, 0]), list(d[:, 0])))
