#!/usr/bin/env python3
"""NumPy reference for `perceptron train`: the notebook's code, made exact by MATH.md.

Prints the same CSV as `perceptron train --steps N --seed S --lr A --data NAME --every K`, every
double in shortest round-trip form (Python's repr, the same digits as Swift's Double.description).
The tests and `scripts/compare.sh` diff its output against the Swift engine's.

    python3 scripts/reference.py --steps 1000 --every 100
    python3 scripts/reference.py --data examples/exam.csv --steps 1000 --every 100

`--data PATH.csv` (any name that is not built in and ends in .csv or holds a /) reads a CSV file as a
NumPy user would: the header is the first line that is neither blank nor a # comment; then
np.loadtxt(path, delimiter=",", skiprows=<past the header>, quotechar='"', comments="#") gives X
(every column but the target, float64) and y (the target column, as (m, 1)). The target is the
last column, or --target NAME. On CPUs with AVX-512 OpenBLAS picks kernels whose order of
summation differs from its Haswell ones; the project's fixtures are made with
OPENBLAS_CORETYPE=Haswell (see docs/data.md).
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


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def fmt(v):
    v = float(v)
    return "nan" if v != v else repr(v)


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
    inputs = [j for j in range(len(names)) if j != t]
    return data[:, inputs], data[:, [t]], [names[j] for j in inputs], names[t]


def header_cell(name):
    """A column name as CSV, quoted as `perceptron train` quotes it."""
    if any(c in name for c in ',"\r\n') or name != name.strip():
        return '"' + name.replace('"', '""') + '"'
    return name


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--lr", type=float, default=1.0)
    p.add_argument("--data", default="notebook", help="a built-in name (%s) or PATH.csv" % ", ".join(sorted(DATASETS)))
    p.add_argument("--target", default=None, help="with a CSV file: the target column (default: the last)")
    p.add_argument("--every", type=int, default=1)
    p.add_argument("--no-predictions", action="store_true",
                   help="leave out the p columns (for fixtures of large tables)")
    a = p.parse_args()

    if is_file(a.data):
        X, y, input_names, _ = load_csv(a.data, a.target)
        weight_names = ["w_" + name for name in input_names]
    elif a.data in DATASETS:
        rows, targets = DATASETS[a.data]
        X = np.array(rows)
        y = np.array([targets]).T  # a column, m x 1
        weight_names = [f"w{i+1}" for i in range(X.shape[1])]
    else:
        p.error(f"unknown data set {a.data!r}")
    m, n = X.shape
    np.random.seed(a.seed)
    W = 2 * np.random.random((n, 1)) - 1
    b = 0
    out = sys.stdout
    columns = ["step", "loss"] + [header_cell(w) for w in weight_names] + ["b"]
    if not a.no_predictions:
        columns += [f"p{i+1}" for i in range(m)]
    out.write(",".join(columns) + "\n")
    with np.errstate(all="ignore"):
        for k in range(a.steps + 1):
            z = np.dot(X, W) + b
            A = sigmoid(z)
            if k % a.every == 0 or k == a.steps:
                L = -1 / m * np.sum(y * np.log(A) + (1 - y) * np.log(1 - A))
                row = [str(k), fmt(L)] + [fmt(w) for w in W[:, 0]] + [fmt(b)]
                if not a.no_predictions:
                    row += [fmt(p) for p in A[:, 0]]
                out.write(",".join(row) + "\n")
            if k == a.steps:
                break
            dz = A - y
            dW = 1 / m * np.dot(X.T, dz)
            db = 1 / m * np.sum(dz)
            W = W - a.lr * dW
            b = b - a.lr * db


if __name__ == "__main__":
    main()
