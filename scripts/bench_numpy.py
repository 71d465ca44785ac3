#!/usr/bin/env python3
"""Times the notebook's training step in NumPy (the same math as `perceptron bench`).

    python3 scripts/bench_numpy.py [--steps 20000] [--rounds 5]
"""
import argparse
import time

import numpy as np


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, default=20000)
    p.add_argument("--rounds", type=int, default=5)
    a = p.parse_args()
    X = np.array([[0, 1, 0], [1, 0, 0], [1, 1, 1], [0, 1, 1]])
    y = np.array([[0, 1, 1, 0]]).T
    m = X.shape[0]
    per_step = []
    for _ in range(a.rounds):
        np.random.seed(1)
        W = 2 * np.random.random((3, 1)) - 1
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
    print(f"numpy step (notebook, {a.rounds} rounds of {a.steps} steps, NumPy {np.__version__})")
    print(f"  best:   {best:.1f} ns/step  {1e9 / best:.0f} steps/s")
    print(f"  median: {median:.1f} ns/step  {1e9 / median:.0f} steps/s")


if __name__ == "__main__":
    main()
