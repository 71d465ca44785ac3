#!/usr/bin/env python3
"""NumPy reference for `perceptron train`: the notebook's code (docs/exactness.md).

Prints the same CSV as `perceptron train --steps N --seed S --lr A --data NAME --every K`, every
double in shortest round-trip form (Python's repr, the same digits as Swift's Double.description).
The tests and `scripts/compare.sh` diff its output against the Swift engine's.

    python3 scripts/reference.py --steps 1000 --every 100
"""
import argparse
import sys

import numpy as np

DATASETS = {
    "notebook": ([[0, 1, 0], [1, 0, 0], [1, 1, 1], [0, 1, 1]], [0, 1, 1, 0]),
    "trask": ([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], [0, 0, 1, 1]),
    "xor": ([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], [0, 1, 1, 0]),
    "and": ([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 0, 0, 1]),
    "or": ([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 1]),
}


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def fmt(v):
    v = float(v)
    return "nan" if v != v else repr(v)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--lr", type=float, default=1.0)
    p.add_argument("--data", default="notebook", choices=sorted(DATASETS))
    p.add_argument("--every", type=int, default=1)
    a = p.parse_args()

    rows, targets = DATASETS[a.data]
    X = np.array(rows)
    y = np.array([targets]).T  # a column, m x 1
    m, n = X.shape
    np.random.seed(a.seed)
    W = 2 * np.random.random((n, 1)) - 1
    b = 0
    out = sys.stdout
    out.write("step," + "loss," + ",".join(f"w{i+1}" for i in range(n)) + ",b," + ",".join(f"p{i+1}" for i in range(m)) + "\n")
    with np.errstate(all="ignore"):
        for k in range(a.steps + 1):
            z = np.dot(X, W) + b
            A = sigmoid(z)
            if k % a.every == 0 or k == a.steps:
                L = -1 / m * np.sum(y * np.log(A) + (1 - y) * np.log(1 - A))
                out.write(",".join([str(k), fmt(L)] + [fmt(w) for w in W[:, 0]] + [fmt(b)] + [fmt(p) for p in A[:, 0]]) + "\n")
            if k == a.steps:
                break
            dz = A - y
            dW = 1 / m * np.dot(X.T, dz)
            db = 1 / m * np.sum(dz)
            W = W - a.lr * dW
            b = b - a.lr * db


if __name__ == "__main__":
    main()
