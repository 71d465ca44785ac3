#!/usr/bin/env python3
"""NumPy reference for `perceptron train`: the notebook's code, a hidden layer and Trask's networks
(docs/exactness.md, docs/network.md).

Prints the same CSV as `perceptron train --steps N --seed S --lr A --data NAME --every K
[--hidden H] [--loss cross-entropy|squared] [--no-bias|--bias] [--preset NAME]`, every double in shortest
round-trip form (Python's repr, the same digits as Swift's Double.description). The tests diff its
output (kept in Tests/Fixtures/train/ by scripts/make_fixtures.sh) against the Swift engine's.

The NumPy code is written as its sources write it, because the order of evaluation decides the
last digits: the notebook's perceptron step; the same step with a hidden layer (docs/network.md);
Trask's squared-error rule from "A neural network in 11 lines of Python" (his `+=` updates, his
`l * (1 - l)` derivative), with a learning rate and biases added the same way.

    python3 scripts/reference.py --steps 1000 --every 100
    python3 scripts/reference.py --preset trask-3layer --steps 10000 --every 1000

Which BLAS kernels NumPy's OpenBLAS runs depends on the CPU (see docs/network.md):
OPENBLAS_CORETYPE=Haswell picks the kernels whose orders the engine reproduces bit for bit.
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

# Trask's two networks: data, seed, learning rate, hidden units (None: none), loss, bias.
PRESETS = {
    "trask-2layer": dict(data="trask", seed=1, lr=1.0, hidden=None, loss="squared", bias=False),
    "trask-3layer": dict(data="xor", seed=1, lr=1.0, hidden=4, loss="squared", bias=False),
}


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def fmt(v):
    v = float(v)
    return "nan" if v != v else repr(v)


def settings(a):
    s = dict(data="notebook", seed=1, lr=1.0, hidden=None, loss="cross-entropy", bias=True)
    if a.preset:
        s.update(PRESETS[a.preset])
    for key in ("data", "seed", "lr", "hidden", "loss"):
        if getattr(a, key) is not None:
            s[key] = getattr(a, key)
    if a.bias is not None:
        s["bias"] = a.bias
    return s


def loss_of(kind, y, A, m):
    if kind == "squared":
        return 0.5 * np.sum((y - A) ** 2)
    return -1 / m * np.sum(y * np.log(A) + (1 - y) * np.log(1 - A))


def run_perceptron(s, X, y, steps, every, out):
    m, n = X.shape
    lr, bias = s["lr"], s["bias"]
    np.random.seed(s["seed"])
    W = 2 * np.random.random((n, 1)) - 1
    b = 0
    names = [f"w{i+1}" for i in range(n)] + (["b"] if bias else [])
    header(out, names, m)
    for k in range(steps + 1):
        z = np.dot(X, W) + b if bias else np.dot(X, W)
        A = sigmoid(z)
        if k % every == 0 or k == steps:
            row(out, k, loss_of(s["loss"], y, A, m), list(W[:, 0]) + ([b] if bias else []), A)
        if k == steps:
            break
        if s["loss"] == "squared":
            # Trask: l1_error = y - l1; l1_delta = l1_error * nonlin(l1, True); syn0 += np.dot(l0.T, l1_delta)
            delta = (y - A) * (A * (1 - A))
            W += lr * np.dot(X.T, delta)
            if bias:
                b = b + lr * np.sum(delta)
        else:
            dz = A - y
            dW = 1 / m * np.dot(X.T, dz)
            db = 1 / m * np.sum(dz)
            W = W - lr * dW
            if bias:
                b = b - lr * db


def run_hidden(s, X, y, steps, every, out):
    m, n = X.shape
    h, lr, bias = s["hidden"], s["lr"], s["bias"]
    np.random.seed(s["seed"])
    W1 = 2 * np.random.random((n, h)) - 1
    W2 = 2 * np.random.random((h, 1)) - 1
    b1 = np.zeros((1, h))
    b2 = np.zeros((1, 1))
    names = [f"w1_{i+1}_{j+1}" for i in range(n) for j in range(h)] + ([f"b1_{j+1}" for j in range(h)] if bias else []) \
        + [f"w2_{j+1}" for j in range(h)] + (["b2"] if bias else [])
    header(out, names, m)
    for k in range(steps + 1):
        if bias:
            A1 = 1 / (1 + np.exp(-(X.dot(W1) + b1)))
            A2 = 1 / (1 + np.exp(-(A1.dot(W2) + b2)))
        else:
            A1 = 1 / (1 + np.exp(-(X.dot(W1))))
            A2 = 1 / (1 + np.exp(-(A1.dot(W2))))
        if k % every == 0 or k == steps:
            params = list(W1.ravel()) + (list(b1.ravel()) if bias else []) + list(W2[:, 0]) + ([b2[0, 0]] if bias else [])
            row(out, k, loss_of(s["loss"], y, A2, m), params, A2)
        if k == steps:
            break
        if s["loss"] == "squared":
            # Trask's 3-layer rule, his order of evaluation.
            l2_delta = (y - A2) * (A2 * (1 - A2))
            l1_error = l2_delta.dot(W2.T)
            l1_delta = l1_error * (A1 * (1 - A1))
            W2 += lr * A1.T.dot(l2_delta)
            W1 += lr * X.T.dot(l1_delta)
            if bias:
                b2 += lr * np.sum(l2_delta, axis=0, keepdims=True)
                b1 += lr * np.sum(l1_delta, axis=0, keepdims=True)
        else:
            dz2 = A2 - y
            dW2 = 1 / m * np.dot(A1.T, dz2)
            db2 = 1 / m * np.sum(dz2, axis=0, keepdims=True)
            dz1 = np.dot(dz2, W2.T) * A1 * (1 - A1)
            dW1 = 1 / m * np.dot(X.T, dz1)
            db1 = 1 / m * np.sum(dz1, axis=0, keepdims=True)
            W1 = W1 - lr * dW1
            W2 = W2 - lr * dW2
            if bias:
                b1 = b1 - lr * db1
                b2 = b2 - lr * db2


def header(out, names, m):
    out.write(",".join(["step", "loss"] + names + [f"p{i+1}" for i in range(m)]) + "\n")


def row(out, k, L, params, A):
    out.write(",".join([str(k), fmt(L)] + [fmt(v) for v in params] + [fmt(p) for p in A[:, 0]]) + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, required=True)
    p.add_argument("--seed", type=int)
    p.add_argument("--lr", type=float)
    p.add_argument("--data", choices=sorted(DATASETS))
    p.add_argument("--every", type=int, default=1)
    p.add_argument("--hidden", type=int, choices=range(1, 17), metavar="H")
    p.add_argument("--loss", choices=["cross-entropy", "squared"])
    p.add_argument("--bias", action=argparse.BooleanOptionalAction)
    p.add_argument("--preset", choices=sorted(PRESETS))
    a = p.parse_args()
    s = settings(a)
    rows, targets = DATASETS[s["data"]]
    X = np.array(rows)
    y = np.array([targets]).T  # a column, m x 1
    with np.errstate(all="ignore"):
        if s["hidden"] is None:
            run_perceptron(s, X, y, a.steps, a.every, sys.stdout)
        else:
            run_hidden(s, X, y, a.steps, a.every, sys.stdout)


if __name__ == "__main__":
    main()
