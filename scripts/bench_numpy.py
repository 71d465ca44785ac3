#!/usr/bin/env python3
"""Times the notebook's training step in NumPy (the same math as `perceptron bench`).

    python3 scripts/bench_numpy.py [--steps 20000] [--rounds 5] [--data PATH.csv]

With --data, the table is read as scripts/reference.py reads it (the target the last column).
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference import load_csv  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, default=20000)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--data", default=None, help="a CSV file instead of the notebook's table")
    a = p.parse_args()
    name = "notebook"
    if a.data:
        X, y, _, _ = load_csv(a.data, None)
        name = f"{os.path.basename(a.data)}, {X.shape[0]}x{X.shape[1]}"
    else:
        X = np.array([[0, 1, 0], [1, 0, 0], [1, 1, 1], [0, 1, 1]])
        y = np.array([[0, 1, 1, 0]]).T
    m, n = X.shape
    per_step = []
    for _ in range(a.rounds):
        np.random.seed(1)
        W = 2 * np.random.random((n, 1)) - 1
        b = 0
        start = time.perf_counter()
        for _ in range(a.steps):
            A = 1 / (1 + np.exp(-(np.dot(X, W) + b)))
            dz = A - y
            dW = 1 / m * np.dot(X.T, dz)
            db = 1 / m * np.sum(dz)
            W = W - 1.0 * dW
            b = b - 1.0 * db
        per_step.append((time.perf_counter() - start) / a.steps * 1e9)
    per_step.sort()
    best, median = per_step[0], per_step[len(per_step) // 2]
    print(f"numpy step ({name}, {a.rounds} rounds of {a.steps} steps, NumPy {np.__version__})")
    print(f"  best:   {best:.1f} ns/step  {1e9 / best:.0f} steps/s")
    print(f"  median: {median:.1f} ns/step  {1e9 / median:.0f} steps/s")


if __name__ == "__main__":
    main()
