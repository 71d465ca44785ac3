#!/usr/bin/env python3
"""Times the notebook's training step in NumPy (the same math as `perceptron bench`).

With --hidden H, the step of a network with one hidden layer of H units on xor (the same math as
`perceptron bench --hidden H --data xor`), or on the table --data names.

With --data PATH.csv, the perceptron's step on that table, read as scripts/reference.py reads it
(the same math as `perceptron bench --data PATH.csv`).

    python3 scripts/bench_numpy.py [--steps 20000] [--rounds 5] [--hidden 4] [--data PATH.csv]
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
    p.add_argument("--hidden", type=int)
    p.add_argument("--data", default=None, help="a CSV file instead of the notebook's table (xor's with --hidden)")
    a = p.parse_args()
    if a.hidden:
        return hidden(a)
    X, y, name = table(a.data, "notebook", [[0, 1, 0], [1, 0, 0], [1, 1, 1], [0, 1, 1]], [0, 1, 1, 0])
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


def table(path, name, rows, targets):
    """The CSV file at `path` as scripts/reference.py reads it, or the built-in table given."""
    if path:
        X, y, _, _ = load_csv(path, None)
        return X, y, f"{os.path.basename(path)}, {X.shape[0]}x{X.shape[1]}"
    return np.array(rows), np.array([targets]).T, name


def hidden(a):
    X, y, name = table(a.data, "xor", [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], [0, 1, 1, 0])
    m, n = X.shape
    h, lr = a.hidden, 1.0
    per_step = []
    for _ in range(a.rounds):
        np.random.seed(1)
        W1 = 2 * np.random.random((n, h)) - 1
        W2 = 2 * np.random.random((h, 1)) - 1
        b1 = np.zeros((1, h))
        b2 = np.zeros((1, 1))
        start = time.perf_counter()
        for _ in range(a.steps):
            A1 = 1 / (1 + np.exp(-(X.dot(W1) + b1)))
            A2 = 1 / (1 + np.exp(-(A1.dot(W2) + b2)))
            dz2 = A2 - y
            dW2 = 1 / m * np.dot(A1.T, dz2)
            db2 = 1 / m * np.sum(dz2, axis=0, keepdims=True)
            dz1 = np.dot(dz2, W2.T) * A1 * (1 - A1)
            dW1 = 1 / m * np.dot(X.T, dz1)
            db1 = 1 / m * np.sum(dz1, axis=0, keepdims=True)
            W1 = W1 - lr * dW1
            b1 = b1 - lr * db1
            W2 = W2 - lr * dW2
            b2 = b2 - lr * db2
        per_step.append((time.perf_counter() - start) / a.steps * 1e9)
    per_step.sort()
    best, median = per_step[0], per_step[len(per_step) // 2]
    print(f"numpy step ({name}, {n}-{h}-1 cross-entropy, {a.rounds} rounds of {a.steps} steps, NumPy {np.__version__})")
    print(f"  best:   {best:.1f} ns/step  {1e9 / best:.0f} steps/s")
    print(f"  median: {median:.1f} ns/step  {1e9 / median:.0f} steps/s")


if __name__ == "__main__":
    main()
