#!/usr/bin/env python3
"""Writes a CSV training table of real-valued inputs, the same bytes every time for a seed.

    python3 scripts/make_data.py --rows 1000 --inputs 8 --seed 3 > table.csv

Header c1,...,cn,label. Inputs are NumPy's legacy generator (np.random.RandomState(seed)), drawn
row by row: x = 4*u - 2 for u = random_sample(). Each row's label is 1 when the sum of its inputs
(added left to right) is positive, flipped for one row in ten (one more draw u < 0.1 per row), so
the classes overlap a little. Numbers are written as Python's repr (shortest round trip).
The tests make the same tables in Swift (Tests/TestSupport/GeneratedTable.swift) and
check them against the small ones kept in Tests/Fixtures/data/.
"""
import argparse
import sys

import numpy as np


def table(rows, inputs, seed):
    rs = np.random.RandomState(seed)
    lines = [",".join([f"c{j + 1}" for j in range(inputs)] + ["label"])]
    for _ in range(rows):
        x = [float(rs.random_sample()) * 4 - 2 for _ in range(inputs)]
        total = 0.0
        for v in x:
            total += v
        flip = float(rs.random_sample()) < 0.1
        label = 1 if (total > 0) != flip else 0
        lines.append(",".join([repr(v) for v in x] + [str(label)]))
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, required=True)
    p.add_argument("--inputs", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    sys.stdout.write(table(a.rows, a.inputs, a.seed))


if __name__ == "__main__":
    main()
