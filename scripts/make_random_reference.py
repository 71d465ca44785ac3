#!/usr/bin/env python3
"""Prints the reference values in Tests/PerceptronCoreTests/LegacyRandomTests.swift:
NumPy's legacy generator for several seeds (raw 32-bit outputs and `2*random((3,1)) - 1`).

    python3 scripts/make_random_reference.py
"""
import numpy as np

SEEDS = [0, 1, 2, 42, 12345, 2**31, 2**32 - 1]

print(f"// NumPy {np.__version__}: the first raw 32-bit outputs, and the 625th to 627th (after one twist)")
for s in SEEDS:
    raw = [int(v) for v in np.random.RandomState(s)._bit_generator.random_raw(627)]
    print(f"({s}, {raw[:3]}, {raw[624:627]}),")
print("// np.random.seed(s); 2*np.random.random((3,1)) - 1, then 2*np.random.random((2,1)) - 1 (the stream continues)")
for s in SEEDS:
    np.random.seed(s)
    w = 2 * np.random.random((3, 1)) - 1
    v = 2 * np.random.random((2, 1)) - 1
    print(f"({s}, [{', '.join(repr(float(x)) for x in w[:, 0])}], [{', '.join(repr(float(x)) for x in v[:, 0])}]),")
