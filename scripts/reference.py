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
    python3 scripts/reference.py --data examples/exam.csv --steps 1000 --every 100

`--data PATH.csv` (any name that is not built in and ends in .csv or holds a /) reads a CSV file as a
NumPy user would: the header is the first line that is neither blank nor a # comment; then
np.loadtxt(path, delimiter=",", skiprows=<past the header>, quotechar='"', comments="#") gives X
(every column but the target, float64) and y (the target column, as (m, 1)). The target is the
last column, or --target NAME. The weights are named after the columns: w_<name> (w1_<name>_<j>
with a hidden layer), as `perceptron train` names them.

Which BLAS kernels NumPy's OpenBLAS runs depends on the CPU (see docs/network.md):
OPENBLAS_CORETYPE=Haswell picks the kernels whose orders the engine reproduces bit for bit.
How many threads it cuts large products for (docs/data.md) is its own rule, or --blas-threads N
(openblas_set_num_threads, as threadpoolctl sets it: any count up to 64, more than the cores too;
OPENBLAS_NUM_THREADS is capped by the cores); `perceptron --blas-threads N` pins the engine alike.

With --lr-change K:A (repeatable) the learning rate becomes A for the steps from state K on, and a
final `lr` column gives the α each state's step uses: the CSV the visualiser's `w` key writes.

    python3 scripts/reference.py --steps 20 --lr-change 10:0.5
"""
import argparse
import csv
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


# A data file's input column names (None for the built-in tables): they name the weights.
INPUT_NAMES = None


def is_file(name):
    return name not in DATASETS and (name.lower().endswith(".csv") or "/" in name)


def load_csv(path, target):
    """(X, y, input names, target name) from a CSV file with a header row."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        lines = f.read().splitlines()
    header = next(i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#"))
    names = [name.strip() for name in next(csv.reader([lines[header]]))]
    data = np.loadtxt(path, delimiter=",", skiprows=header + 1, quotechar='"', comments="#", ndmin=2,
                      encoding="utf-8-sig", dtype=np.float64)
    t = names.index(target) if target is not None else len(names) - 1
    # np.delete keeps X row-major (C order), as data[:, :-1] and np.array(rows) are; a column
    # selection such as data[:, [0, 1]] would make it column-major, and OpenBLAS would then run
    # the other matrix-vector kernel for each product, adding up in another order.
    X = np.delete(data, t, axis=1)
    names_in = [name for j, name in enumerate(names) if j != t]
    return X, data[:, [t]], names_in, names[t]


def header_cell(name):
    """A column name as CSV, quoted as `perceptron train` quotes it."""
    if any(c in name for c in ',"\r\n') or name != name.strip():
        return '"' + name.replace('"', '""') + '"'
    return name


def input_weight(i):
    """The perceptron's weight of input i: w1…wn, or w_<column> for a file."""
    return f"w{i+1}" if INPUT_NAMES is None else f"w_{INPUT_NAMES[i]}"


def hidden_weight(i, j):
    """The hidden layer's weight from input i to unit j: w1_i_j, or w1_<column>_j for a file."""
    return f"w1_{i+1}_{j+1}" if INPUT_NAMES is None else f"w1_{INPUT_NAMES[i]}_{j+1}"


# Leave out the p columns (fixtures of large tables).
PREDICTIONS = True


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
    names = [input_weight(i) for i in range(n)] + (["b"] if bias else [])
    header(out, names, m, s)
    for k in range(steps + 1):
        lr = s["changes"].get(k, lr)
        z = np.dot(X, W) + b if bias else np.dot(X, W)
        A = sigmoid(z)
        if k % every == 0 or k == steps:
            row(out, k, loss_of(s["loss"], y, A, m), list(W[:, 0]) + ([b] if bias else []), A, s, lr)
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
    names = [hidden_weight(i, j) for i in range(n) for j in range(h)] + ([f"b1_{j+1}" for j in range(h)] if bias else []) \
        + [f"w2_{j+1}" for j in range(h)] + (["b2"] if bias else [])
    header(out, names, m, s)
    for k in range(steps + 1):
        lr = s["changes"].get(k, lr)
        if bias:
            A1 = 1 / (1 + np.exp(-(X.dot(W1) + b1)))
            A2 = 1 / (1 + np.exp(-(A1.dot(W2) + b2)))
        else:
            A1 = 1 / (1 + np.exp(-(X.dot(W1))))
            A2 = 1 / (1 + np.exp(-(A1.dot(W2))))
        if k % every == 0 or k == steps:
            params = list(W1.ravel()) + (list(b1.ravel()) if bias else []) + list(W2[:, 0]) + ([b2[0, 0]] if bias else [])
            row(out, k, loss_of(s["loss"], y, A2, m), params, A2, s, lr)
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


def header(out, names, m, s):
    lr = ["lr"] if s["changes"] else []
    out.write(",".join(["step", "loss"] + [header_cell(x) for x in names]
                       + ([f"p{i+1}" for i in range(m)] if PREDICTIONS else []) + lr) + "\n")


def row(out, k, L, params, A, s, lr):
    lr = [fmt(lr)] if s["changes"] else []
    out.write(",".join([str(k), fmt(L)] + [fmt(v) for v in params]
                       + ([fmt(p) for p in A[:, 0]] if PREDICTIONS else []) + lr) + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, required=True)
    p.add_argument("--seed", type=int)
    p.add_argument("--lr", type=float)
    p.add_argument("--data", help="a built-in name (%s) or PATH.csv" % ", ".join(sorted(DATASETS)))
    p.add_argument("--target", default=None, help="with a CSV file: the target column (default: the last)")
    p.add_argument("--no-predictions", action="store_true", help="leave out the p columns (for large tables)")
    p.add_argument("--every", type=int, default=1)
    p.add_argument("--hidden", type=int, choices=range(1, 17), metavar="H")
    p.add_argument("--loss", choices=["cross-entropy", "squared"])
    p.add_argument("--bias", action=argparse.BooleanOptionalAction)
    p.add_argument("--preset", choices=sorted(PRESETS))
    p.add_argument("--blas-threads", type=int, metavar="N",
                   help="set OpenBLAS's thread count (openblas_set_num_threads) before training")
    p.add_argument("--lr-change", action="append", default=[], metavar="K:A",
                   help="from state K on, the steps use learning rate A (adds an lr column)")
    a = p.parse_args()
    if a.blas_threads is not None:
        from openblas_threads import set_threads, threads
        set_threads(a.blas_threads)
        if threads() != a.blas_threads:
            p.error(f"OpenBLAS runs {threads()} threads, not {a.blas_threads}")
    s = settings(a)
    s["changes"] = {int(k): float(alpha) for k, alpha in (change.split(":") for change in a.lr_change)}
    global INPUT_NAMES, PREDICTIONS
    PREDICTIONS = not a.no_predictions
    if is_file(s["data"]):
        X, y, INPUT_NAMES, _ = load_csv(s["data"], a.target)
    elif s["data"] in DATASETS:
        rows, targets = DATASETS[s["data"]]
        X = np.array(rows)
        y = np.array([targets]).T  # a column, m x 1
    else:
        p.error(f"unknown data set {s['data']!r}")
    with np.errstate(all="ignore"):
        if s["hidden"] is None:
            run_perceptron(s, X, y, a.steps, a.every, sys.stdout)
        else:
            run_hidden(s, X, y, a.steps, a.every, sys.stdout)


if __name__ == "__main__":
    main()
